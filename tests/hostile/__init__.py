"""The fault-injection farm of issue #12: hostile sites and files on loopback, and the harness that measures them."""
