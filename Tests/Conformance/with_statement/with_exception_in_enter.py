# An exception in __enter__ skips the body and __exit__
class Bad:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with Bad():
        print("body should not run")
except RuntimeError as e:
    print("caught", e.args)
class Good:
    def __enter__(self):
        print("good enter")
        return self
    def __exit__(self, *a):
        print("good exit")
try:
    with Good(), Bad():
        print("no")
except RuntimeError:
    print("outer caught")
