"""Reading a unit's files into typed records: strict YAML and front matter, field schemas and value parsing, the loader, routines, problems."""
