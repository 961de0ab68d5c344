"""What a build or a command writes besides pages: open-data JSON, the feed, the ledger export, the printed pack, deploy, the site folder switch, the shipped scripts."""
