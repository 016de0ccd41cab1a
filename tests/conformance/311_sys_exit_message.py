# sys.exit with a message: printed on stderr, status 1; SystemExit can be caught.
import sys

try:
    sys.exit(0)
except SystemExit as error:
    print("caught", repr(error), error.args)
print("still running")
sys.exit("fatal: configuration missing")
print("never printed")
