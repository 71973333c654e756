"""The bundled demo district: document generator, local site farm and the expected answer (truth.yaml)."""
