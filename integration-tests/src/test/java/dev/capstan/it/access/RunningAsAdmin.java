package dev.capstan.it.access;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;

/** Test code run through this bean runs as a caller with the role ADMIN. */
@Stateless
@RunAs("ADMIN")
public class RunningAsAdmin extends CallerWithRole {
}
