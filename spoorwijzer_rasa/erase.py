"""Old name of the admin erase command, kept while the README names it: `python -m privacy.erase`."""

import sys

from privacy.erase import main

if __name__ == "__main__":
    sys.exit(main())
