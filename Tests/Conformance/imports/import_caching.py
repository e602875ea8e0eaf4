# A module is executed once and cached in sys.modules
import modhelper
import modhelper as again
import sys
print(modhelper is again, "modhelper" in sys.modules)
print(modhelper.bump(), again.bump(), modhelper.count)
from modhelper import bump
print(bump(), modhelper.count)
