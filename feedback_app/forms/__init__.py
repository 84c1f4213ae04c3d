"""WTForms classes, one module per area. CSRF is on for every one of them."""
