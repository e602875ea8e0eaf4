# complex() from numbers, other complex values and strings
print(complex(), complex(2), complex(2.5), complex(True), complex(1, 2), complex(1.5, -2))
print(complex(1j), complex(1 + 2j, 3), complex(1, 2j), complex(1j, 1j), complex(real=1, imag=2))
print(complex(-0.0, 0), complex(0, -0.0))
for s in ["1+2j", "1-2j", " 3j ", "(1+2j)", " ( -1.5e3-2.5e-2j ) ", "j", "-j", "+j", "2", "-2.5",
          "1e3j", "1+j", "1-J", "inf", "-infj", "nan", "nanj", "1_000+2_0j", ".5j", "5.j"]:
    print(repr(s), complex(s))
for s in ["", "1+", "j1", "1+2", "1 + 2j", "(1+2j", "abc", "1jj", "2e", "++1j", "()"]:
    try:
        complex(s)
        print(repr(s), "no error")
    except ValueError:
        print(repr(s), "ValueError")
for args in [("1", 2), (1, "2"), (None,), ([],)]:
    try:
        complex(*args)
        print(args, "no error")
    except TypeError:
        print(args, "TypeError")
