"""Small widgets and helpers the pages share."""
