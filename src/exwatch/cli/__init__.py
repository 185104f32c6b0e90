"""The ``exwatch`` command line: parse, open the database, call one logic function, print."""
