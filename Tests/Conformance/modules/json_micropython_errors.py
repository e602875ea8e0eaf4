import json

for text in ['[1, 2', 'tru', '"unterminated', '[1] x', '']:
    try:
        json.loads(text)
        print('no error')
    except ValueError as e:
        print('ValueError', e)
print(json.dumps([1, {"a": None}], separators=(',', ':')))
