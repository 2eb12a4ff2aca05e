from django.db import connections

HEADER = "X-Query-Count"


class QueryCountMiddleware:
    """Tell the benchmark how many SQL queries a request made, in a header,
    without DEBUG (which would slow every request and keep every query)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response[HEADER] = str(count)
        return response
