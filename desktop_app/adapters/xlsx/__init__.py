"""Writing invoices and order lists as XLSX workbooks (openpyxl)."""
