# Order of try / except / else / finally clauses
def run(fail):
    try:
        print("try")
        if fail:
            raise ValueError("boom")
    except ValueError:
        print("except")
    else:
        print("else")
    finally:
        print("finally")
run(False)
run(True)
try:
    pass
finally:
    print("finally without except")
