import re

for bad in ['(', ')', 'a)', '[a', '*a', '+', '\\']:
    try:
        re.compile(bad)
        print(bad, 'compiled')
    except ValueError as e:
        print(bad, 'ValueError')
    except Exception as e:
        print(bad, 'other', type(e).__name__)
