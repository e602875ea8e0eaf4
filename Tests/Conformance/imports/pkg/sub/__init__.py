from ..helpers import triple
from . import leaf
