"""Moving from Kanboard: ``manage.py import_kanboard`` brings a Kanboard 1.2.53 database
and its files over, keeping every id, credential and setting.

``source`` reads Kanboard's database, ``tables`` says where each of its tables goes,
``writer`` inserts into this server's database, ``blobs`` copies the attached files,
``importer`` runs the whole import in one transaction and ``verify`` checks the result.
"""
