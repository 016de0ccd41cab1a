# Was a bug (fixed): capitalize() and title() leave a non-ASCII first letter lowercase (and title() then
# capitalizes the next ASCII letter as if a word started there); isalpha()/isalnum() are False
# for non-ASCII letters. (upper() and lower() are right.)
# CPython prints: Über café / Über Café / True True
s = "über café"
print(s.capitalize())
print(s.title())
print("über".isalpha(), "ü1".isalnum())
