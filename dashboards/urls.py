from django.urls import path

from dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("werklast/", views.WorkloadView.as_view(), name="workload"),
]
