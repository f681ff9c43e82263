package io.github.smartapiauth.application.port.in;

import io.github.smartapiauth.domain.profile.Profile;

/** The account's profile, over a valid session (renewed once if the broker rejects its token). */
public interface GetProfileUseCase {

    Profile profile(AccountCommand command);
}
