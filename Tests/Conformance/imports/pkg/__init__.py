PKG_NAME = "pkg"
from .helpers import double
print("pkg initialised")
