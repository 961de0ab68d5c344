"""The editors' tools: the `wenming` command line, init/upgrade, import, fix, the browser form's rules, running MkDocs with Chinese messages."""
