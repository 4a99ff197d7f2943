"""What every page shares: markup (all HTML), labels, the status bar, the kernel thread."""
