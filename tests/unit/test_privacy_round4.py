"""Round four of issue 19: identifiers round three's corpus showed the lint missing.

Each case is a sentence written for this test (not taken from any evaluation corpus).
"""

from lintbody import found


def test_a_mac_address_is_a_device_identifier():
    assert found("Her hearing aid pairs as 00-1A-2B-3C-4D-5E at home.") == [
        ("device", "00-1A-2B-3C-4D-5E")
    ]
    assert found("The router's adapter reads a4:5e:60:c1:22:9f.") == [
        ("device", "a4:5e:60:c1:22:9f")
    ]


def test_a_time_or_a_ratio_is_no_mac_address():
    assert found("The session ran from 10:15 to 11:00, a 3:1 ratio of work to rest.") == []


def test_last_before_a_holiday_dates_one_event_even_beside_a_recurring_word():
    assert found("Her knee has ached every winter since last Christmas.") == [
        ("dates", "last Christmas")
    ]


def test_a_holiday_that_recurs_stays_clean():
    assert found("We close every year for Thanksgiving.") == []


def test_a_card_brand_before_its_last_digits_is_an_account():
    assert found("He settled the invoice on his Mastercard ending 5512.") == [("account", "5512")]
    assert found("Paid by card ending in 7781, thank you.") == [("account", "7781")]


def test_a_card_brand_without_digits_is_no_account():
    assert found("We take Visa, Amex and Mastercard at the front desk.") == []
    assert found("A Discover card is fine; the reader ends in a beep.") == []


def test_an_eye_scan_is_biometric_with_its_label():
    assert found("The lab's iris scan template IR-5521-07 came with the report.") == [
        ("biometric", "iris scan template IR-5521-07")
    ]
    assert found("The retina scan took ten minutes and found nothing new.") == []
