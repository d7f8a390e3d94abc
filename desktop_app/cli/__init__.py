"""The command-line interface (`python -m desktop_app`, `order-review`)."""
