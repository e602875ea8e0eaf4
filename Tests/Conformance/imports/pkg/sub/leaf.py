from .. import helpers
def leaf_value():
    return helpers.SECRET + 1
print("leaf loaded")
