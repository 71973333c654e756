"""The second held-out district «Липовский муниципальный округ» (issue #13), written apart from the crawler."""
