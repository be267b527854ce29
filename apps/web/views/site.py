from django.templatetags.static import static
from django.views.generic import RedirectView


class FaviconRedirectView(RedirectView):
    """/favicon.ico, which browsers and crawlers ask for whatever the page's <link rel="icon">
    says, leads to the SVG icon instead of a 404."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("img/favicon.svg")
