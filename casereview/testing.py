"""Factories shared by every app's tests (factory_boy). Test-only; imported by conftest.py."""

import factory

from casereview.accounts.models import Agency, Membership, Partnership, Role, Sector, Subgroup, User

PASSWORD = "correct-horse-battery-staple"


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Borough {n} Safeguarding Children Partnership")
    slug = factory.Sequence(lambda n: f"borough-{n}")
    local_authority = factory.Sequence(lambda n: f"Borough {n} Council")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Agency {n}")
    sector = Sector.CHILDRENS_SOCIAL_CARE


class SubgroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subgroup

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Subgroup {n}")
    chair = "Director of Children's Services"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory)
    role = Role.BUSINESS_MANAGER


def member(partnership, role, agency=None, **user_fields):
    """A user holding `role` in `partnership`."""
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, partnership=partnership, role=role, agency=agency)
    return user
