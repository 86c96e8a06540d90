from django.urls import path

from visits.views import expenses, feeds, plan, routes

app_name = "visits"

urlpatterns = [
    path("", plan.PlanView.as_view(), name="plan"),
    path("route/", routes.RouteView.as_view(), name="route"),
    path("verplaatsingen/", expenses.ExpenseView.as_view(), name="expenses"),
    path("verplaatsingen/csv/", expenses.ExpenseCsvView.as_view(), name="expenses-csv"),
    path("agenda/", feeds.CalendarFeedView.as_view(), name="calendar-feed"),
    path("agenda/nieuw/", feeds.CalendarFeedCreateView.as_view(), name="calendar-feed-create"),
    path("agenda/intrekken/", feeds.CalendarFeedRevokeView.as_view(), name="calendar-feed-revoke"),
    path("agenda/<str:token>.ics", feeds.CalendarIcsView.as_view(), name="calendar-ics"),
]
