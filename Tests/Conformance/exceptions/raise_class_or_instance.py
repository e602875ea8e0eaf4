# raise accepts a class (instantiated with no args) or an instance
try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    raise ValueError("inst")
except ValueError as e:
    print(e.args)
try:
    raise 5
except TypeError as e:
    print("raising non-exception:", type(e).__name__)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print("raising non-exception class:", type(e).__name__)
try:
    raise
except RuntimeError as e:
    print("bare raise with nothing active:", type(e).__name__)
