import json

print(json.dumps(1), json.dumps(-12345678901234567890), json.dumps(2.5), json.dumps(1e100), json.dumps(0.1))
print(json.dumps(True), json.dumps(False), json.dumps(None))
print(json.dumps("plain"), json.dumps('quote " and \\ backslash'))
print(json.dumps("ctl \n \r \t \b \f \x01 \x1f"))
print(json.dumps("caf\u00e9 \u20ac \U0001f600"))
print(json.dumps([1, [2, [3, []]], {}]))
print(json.dumps((1, 2, "three")))
print(json.dumps({"a": 1, "b": [True, None], "c": {"d": "e"}}))
print(json.dumps({1: "int key", 2.5: "float key", True: "bool", None: "none"}))
print(json.dumps([1, 2, {"a": 3}], separators=(',', ':')))
print(json.dumps({"a": [1, 2]}, separators=(', ', ' = ')))
print(json.loads('1'), json.loads('-0'), json.loads('2.5'), json.loads('1e3'), json.loads('-1.5E-2'))
print(json.loads('123456789012345678901234567890'))
print(json.loads(' true '), json.loads('false'), json.loads('null'))
print(json.loads('"a\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00"'))
print(json.loads('[1, 2, [3, {"x": [4]}]]'))
print(json.loads('{"a": 1, "b": {"c": [true, false, null]}, "a": 2}'))
print(json.loads(b'[1, "two"]'), json.loads(bytearray(b'{"k": 3}')))
print(json.loads('{}'), json.loads('[]'), json.loads(' \n\t[ ] '))
for text in ['[1, 2', '{"a" 1}', 'tru', '', '[1,]', '01', '"unterminated', '1.', '{1: 2}', '[1] x', '"\\q"']:
    try:
        json.loads(text)
        print('no error', repr(text))
    except ValueError:
        print('ValueError', repr(text))
try:
    json.dumps({1, 2})
except TypeError:
    print('TypeError set')
try:
    json.dumps(object())
except TypeError:
    print('TypeError object')
x = []
x.append(x)
try:
    json.dumps(x)
except ValueError:
    print('ValueError circular')


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


class Source:
    def read(self):
        return '{"from": "stream", "n": [1, 2]}'


s = Sink()
json.dump({"k": [1, "v"]}, s)
print(''.join(s.parts))
s = Sink()
json.dump([1, 2], s, separators=(',', ':'))
print(''.join(s.parts))
print(json.load(Source()))
print(json.loads(json.dumps({"round": ["trip", 1.25, None, "\u00e9"]})))
