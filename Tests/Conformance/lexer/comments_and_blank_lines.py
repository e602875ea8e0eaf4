#!/usr/bin/env python3
# -*- coding: utf-8 -*-
# comments are ignored


def f():
    # comment in body

    x = 1  # trailing comment

    return x  # another
print(f())  # # nested hash
s = "# not a comment"
print(s)
if True:
    pass
        # over-indented comment is fine
print("end")
