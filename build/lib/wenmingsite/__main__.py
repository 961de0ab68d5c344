"""`python -m wenmingsite` is the same as the `wenming` command."""

from .cli import main

main()
