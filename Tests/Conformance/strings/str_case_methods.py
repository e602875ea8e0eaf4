# upper/lower/casefold/swapcase/title/capitalize, ASCII and Unicode
s = "hello WORLD, it's 3am"
print(s.upper(), "|", s.lower(), "|", s.swapcase(), "|", s.title(), "|", s.capitalize())
print("".upper(), "".title(), "".capitalize(), "".swapcase(), "".casefold())
print("ß".upper(), "straße".upper(), "STRASSE".lower(), "Straße".casefold(), "ǅungla".lower())
print("ÉCOLE".lower(), "école".upper(), "ÉCOLE".casefold(), "Ωmega".swapcase(), "µ".casefold())
print("hello wörld".title(), "ǆx".title(), "ǆx".capitalize(), "ﬁne".upper(), "éCOLE".capitalize())
print("they're bill's friends".title(), "3rd-place x1y".title(), "a_b c.d".title())
print("HELLO".capitalize(), "hELLO wORLD".capitalize(), "123abc".capitalize(), " x".capitalize())
print("Привет Мир".upper(), "Привет Мир".lower(), "Привет Мир".swapcase(), "привет мир".title())
print(ascii("ΟΔΟΣ ΑΣ.".lower()), ascii("ΟΔΟΣ".title()), ascii("ΣΑ".lower()), ascii("ΣΣ".capitalize()), ascii("İ".lower()), ascii("ǰ".upper()))
