"""1C:Управление торговлей 11 through its standard OData interface."""
