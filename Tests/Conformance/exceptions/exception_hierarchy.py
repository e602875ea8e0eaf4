# The built-in exception hierarchy
pairs = [
    (ZeroDivisionError, ArithmeticError),
    (OverflowError, ArithmeticError),
    (KeyError, LookupError),
    (IndexError, LookupError),
    (LookupError, Exception),
    (Exception, BaseException),
    (KeyboardInterrupt, BaseException),
    (KeyboardInterrupt, Exception),
    (SystemExit, Exception),
    (StopIteration, Exception),
    (UnboundLocalError, NameError) if False else (NameError, Exception),
    (NotImplementedError, RuntimeError),
    (RecursionError, RuntimeError) if False else (RuntimeError, Exception),
    (AttributeError, Exception),
    (TypeError, ValueError),
    (GeneratorExit, Exception),
    (OSError, Exception),
    (AssertionError, Exception),
]
for sub, sup in pairs:
    print(sub.__name__, sup.__name__, issubclass(sub, sup))
