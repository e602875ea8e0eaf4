from collections import OrderedDict, defaultdict

od = OrderedDict()
od['b'] = 1; od['a'] = 2; od['c'] = 3
print(list(od.items()), list(od), list(od.keys()), list(od.values()))
od.move_to_end('b')
print(list(od.items()))
od.move_to_end('c', last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), list(od.items()))
print(list(OrderedDict([('x', 1), ('y', 2)]).items()), len(OrderedDict()), isinstance(od, dict))
od2 = OrderedDict(z=1)
od2['z'] = 5
print(list(od2.items()), od2['z'], len(od2))
try:
    OrderedDict().popitem()
except KeyError:
    print('KeyError')

dd = defaultdict(list)
dd['a'].append(1)
dd['a'].append(2)
dd['b'].append(3)
print(sorted(dd.items()), dd['zz'], len(dd), 'q' in dd)
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(sorted(counts.items()), counts.default_factory)
nd = defaultdict()
try:
    nd['x']
except KeyError as e:
    print('KeyError', e.args)
print(dd.get('nope'), 'nope' in dd)
dl = defaultdict(lambda: 'd', {'k': 'v'})
print(dl['k'], dl['m'], sorted(dl))
print(isinstance(dd, dict))
