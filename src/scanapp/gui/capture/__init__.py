"""Scanner capture on screen widgets: the glue between Qt widgets and the device-free readers in
`scanapp.scanners`."""
