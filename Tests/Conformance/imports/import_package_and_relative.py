# Packages, submodules and relative imports inside a package
import pkg
print(pkg.PKG_NAME, pkg.double(4))
from pkg.helpers import triple, SECRET
print(triple(3), SECRET)
import pkg.sub
print(pkg.sub.triple(2), pkg.sub.leaf.leaf_value())
from pkg.sub import leaf
print(leaf.leaf_value())
from pkg import helpers as h
print(h.double(10))
