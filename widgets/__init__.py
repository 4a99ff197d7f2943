"""ipywidgets components of the reviewer and analyst dashboards (imports ``workbench``)."""
