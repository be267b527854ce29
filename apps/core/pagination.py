import re

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class StandardPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request) -> int:
        """The `page_size` asked for, at most `max_page_size`; one that is not a whole number of at
        least 1 is a 400 (DRF's own pagination quietly answered a page of the default size)."""
        asked = request.query_params.get(self.page_size_query_param, "")
        if not asked:
            return self.page_size
        if not re.fullmatch(r"[0-9]+", asked) or int(asked) < 1:
            raise ValidationError(
                {self.page_size_query_param: [f"Give a whole number of rows from 1 to {self.max_page_size}."]}
            )
        return min(int(asked), self.max_page_size)

    def get_schema_operation_parameters(self, view) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = (
                    f"Rows per page, {self.page_size} unless given; more than {self.max_page_size} gives "
                    f"{self.max_page_size}."
                )
        return parameters
