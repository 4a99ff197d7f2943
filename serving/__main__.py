"""``python -m serving NOTEBOOK [options]``: the workbench's Voila, guarded."""

from serving.app import main

if __name__ == "__main__":
    main()
