"""Queries that every request runs with the same shape: the session, the signed-in user, their second
factor's device and their memberships (issue 14, the per-request floor).

Django compiles a queryset's SQL each time it is read. For these one-row lookups that costs several times
what the database takes to answer: on the scale seed, `User.objects.get(pk=…)` took 0.7 ms of CPU, a
user's memberships with their partnerships 1.6 ms, the same SELECTs on a plain cursor 0.1 ms. A
CompiledQuery builds its queryset once per database, keeps the SQL and the way Django turns the rows into
instances (converters, select_related), and runs it again with new values: the rows, the instances and
the query a test counts are the ones the queryset gives.
"""

import threading

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.query import get_related_populators


class CompiledQuery:
    """`build(*values)` returns the queryset for those values; `fields` are the model fields the values are
    compared with, in the same order (each value is prepared for the database as that field prepares it)."""

    def __init__(self, build, *fields):
        self.build = build
        self.fields = fields
        self._compiled = {}
        self._lock = threading.Lock()

    def fetch(self, *values, using=DEFAULT_DB_ALIAS):
        """The instances the queryset `build(*values)` would give, in its order."""
        compiled = self._compiled.get(using) or self._compile(using)
        connection = connections[using]
        params = list(compiled.params)
        for position, field, value in zip(compiled.positions, self.fields, values, strict=True):
            params[position] = field.get_db_prep_value(value, connection, prepared=False)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        return [compiled.instance(row, connection, using) for row in rows]

    def _compile(self, using):
        # Once per process and database: the SQL, parameters and converters are the same in every thread
        # (the converters are the backend's and fields' functions; each fetch passes its own connection).
        with self._lock:
            if using not in self._compiled:
                self._compiled[using] = _Compiled(self, using)
            return self._compiled[using]


class _Compiled:
    def __init__(self, query, using):
        connection = connections[using]
        samples = [_sample(field, index) for index, field in enumerate(query.fields)]
        queryset = query.build(*samples)
        compiler = queryset.query.get_compiler(using=using)
        self.sql, params = compiler.as_sql()
        self.params = tuple(params)
        self.positions = []
        for field, sample in zip(query.fields, samples, strict=True):
            prepared = field.get_db_prep_value(sample, connection, prepared=False)
            found = [i for i, param in enumerate(params) if param == prepared]
            if len(found) != 1:
                raise ValueError(f"{field} is not one parameter of {self.sql!r} ({params!r})")
            self.positions.append(found[0])
        select, klass_info = compiler.select, compiler.klass_info
        if compiler.annotation_col_map or queryset._known_related_objects or queryset._prefetch_related_lookups:
            raise ValueError("a CompiledQuery gives plain instances (with select_related) only")
        self.model = klass_info["model"]
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        self.start, self.end = start, end
        self.init_list = [column[0].target.attname for column in select[start:end]]
        self.populators = get_related_populators(klass_info, select, using)
        self.converters = [
            (position, converters, expression)
            for position, (converters, expression) in compiler.get_converters(
                [column[0] for column in select[: compiler.col_count]]
            ).items()
        ]

    def instance(self, row, connection, using):
        if self.converters:
            row = list(row)
            for position, converters, expression in self.converters:
                value = row[position]
                for converter in converters:
                    value = converter(value, expression, connection)
                row[position] = value
        obj = self.model.from_db(using, self.init_list, row[self.start : self.end])
        for populator in self.populators:
            populator.populate(row, obj)
        return obj


def _sample(field, index):
    """A value of the field's type that no query here holds as a constant, to find where the value goes."""
    from datetime import UTC, datetime

    from django.db import models

    target = getattr(field, "target_field", field)
    if isinstance(target, models.DateTimeField):
        return datetime(1901, 2, 3, 4, 5, 6, 789 + index, tzinfo=UTC)
    if isinstance(target, (models.IntegerField, models.AutoField)):
        return -987_654_321 - index
    if isinstance(target, models.UUIDField):
        import uuid

        return uuid.UUID(int=987_654_321 + index)
    if isinstance(target, models.CharField):
        return f"casereview-compiled-sample-{index}"
    raise TypeError(f"no sample value for {field}")
