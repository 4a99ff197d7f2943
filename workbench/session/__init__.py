"""A reviewer's working session, free of any UI: the workspace, screening cache, screen-ahead,
view model, decisions and proposal folders. Imports ``workbench``, never widget code."""
