"""`python -m wenmingsite` is the same as the `wenming` command."""

from wenmingsite.commands.cli import main

main()
