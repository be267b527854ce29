from django.shortcuts import render


def method_not_allowed_page(get_response):
    """A 405 with an empty body (Django's HttpResponseNotAllowed: a GET of /logout/ or of the
    admin's logout, a bookmarked or typed form address) answered with a page that says what the
    address is for and leads back, keeping the status and its Allow header. An empty 4xx body is
    not shown by Chromium at all: it draws its own "This page isn't working" page instead, with no
    title, language or way back. Answers that carry a body (the API's JSON) are left as they are."""

    def middleware(request):
        response = get_response(request)
        if response.status_code != 405 or response.streaming or response.content:
            return response
        page = render(request, "405.html", status=405)
        page["Allow"] = response["Allow"]
        return page

    return middleware
