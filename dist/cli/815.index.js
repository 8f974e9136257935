export const id = 815;
export const ids = [815];
export const modules = {

/***/ 6470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ LOG_CODES)
/* harmony export */ });
const LOG_CODES = {
    "acls_summary": {
        "code": "acls_summary",
        "event": "Network ACLs Summary",
        "description": "Shows the summary of the network ACLs matches for a period of time",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "start_time": "1970-01-01T00:00:00.000Z",
                "end_time": "1970-01-01T00:00:00.000Z",
                "stats": []
            },
            "environment_name": "",
            "log_id": "",
            "tenant_name": "",
            "type": "acls_summary"
        }
    },
    "actions_execution_failed": {
        "code": "actions_execution_failed",
        "event": "Actions Execution Failed",
        "description": "Execution of an Action failed",
        "category": "actions",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "trigger_id": "",
                "execution_id": "",
                "action_id": "",
                "action_name": "",
                "version_id": "",
                "binding_id": "",
                "error_class": "platform_error"
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "actions_execution_failed"
        }
    },
    "acul_sdk_notice": {
        "code": "acul_sdk_notice",
        "event": "ACUL SDK Notice",
        "description": "ACUL SDK notification",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "id": "acul-sdk-deprecation",
                "request": {
                    "path": ""
                },
                "message": "",
                "documentation": ""
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "acul_sdk_notice"
        }
    },
    "admin_update_launch": {
        "code": "admin_update_launch",
        "event": "Auth0 Update Launched",
        "description": "(Managed Private Cloud only)",
        "category": "system.notification",
        "inSchema": false
    },
    "api_limit": {
        "code": "api_limit",
        "event": "Rate Limit on the Authentication or Management APIs",
        "description": "The maximum number of requests to the Authentication or Management APIs in a given time has been reached.",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "limit": {
                    "size": 0,
                    "bucket": "",
                    "global": false
                }
            },
            "environment_name": "",
            "hostname": "",
            "log_id": "",
            "tenant_name": "",
            "type": "api_limit"
        }
    },
    "api_limit_warning": {
        "code": "api_limit_warning",
        "event": "Rate Limit Warning on the Authentication or Management APIs",
        "description": "The limit of requests to the Authentication or Management APIs in given time is about to be reached.",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "request": {
                    "method": "",
                    "path": ""
                },
                "limit": {
                    "size": 0,
                    "bucket": "",
                    "usage": 0,
                    "global": false
                }
            },
            "environment_name": "",
            "hostname": "",
            "log_id": "",
            "tenant_name": "",
            "type": "api_limit_warning"
        }
    },
    "appi": {
        "code": "appi",
        "event": "Notice for API Peak Performance initiated",
        "description": "Increases the Elevated Public Authentication API Limits by the 100 RPS multiple purchased by the customer for up to 48 hours per month. For more information, see [Public performance rate limit policy](/docs/troubleshoot/customer-support/operational-policies/rate-limit-policy#public-performance).",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "total_hours_allocated": 0,
                "total_hours_consumed": 0,
                "total_hours_remaining": 0,
                "docs": ""
            },
            "environment_name": "",
            "log_id": "",
            "tenant_name": "",
            "type": "appi"
        }
    },
    "ciba_exchange_failed": {
        "code": "ciba_exchange_failed",
        "event": "Failed CIBA Exchange",
        "description": "Failed to exchange AuthReqId for Access Token",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "error": {
                    "message": ""
                }
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "ciba_exchange_failed"
        }
    },
    "ciba_exchange_succeeded": {
        "code": "ciba_exchange_succeeded",
        "event": "Successful CIBA Exchange",
        "description": "Successful exchange of AuthReqId for Access Token",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "ciba_exchange_succeeded"
        }
    },
    "ciba_start_failed": {
        "code": "ciba_start_failed",
        "event": "Failed CIBA Start",
        "description": "Client-Initiated Backchannel Authentication Flow failed to be initiated.",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "error": {
                    "message": ""
                },
                "body": {}
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "ciba_start_failed"
        }
    },
    "ciba_start_succeeded": {
        "code": "ciba_start_succeeded",
        "event": "Successful CIBA Start",
        "description": "Client-Initiated Backchannel Authentication Flow has been successfully initiated.",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {}
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "ciba_start_succeeded"
        }
    },
    "cls": {
        "code": "cls",
        "event": "Code/Link Sent",
        "description": "Passwordless login code/link has been sent",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {
                    "client_id": "",
                    "connection": "",
                    "email": "",
                    "tenant": ""
                },
                "link": ""
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "cls"
        }
    },
    "coff": {
        "code": "coff",
        "event": "Connector Offline",
        "description": "AD/LDAP Connector is offline",
        "category": "system.notification",
        "inSchema": false
    },
    "con": {
        "code": "con",
        "event": "Connector Online",
        "description": "AD/LDAP Connector is online and working",
        "category": "system.notification",
        "inSchema": false
    },
    "connected_accounts_connection_failed": {
        "code": "connected_accounts_connection_failed",
        "event": "Failed Connected Account Connection",
        "description": "User failed to connect a third-party account",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "error": {}
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "connected_accounts_connection_failed"
        }
    },
    "connected_accounts_connection_succeeded": {
        "code": "connected_accounts_connection_succeeded",
        "event": "Successful Connected Account Connection",
        "description": "User successfully connected a third-party account",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "connected_accounts_connection_succeeded"
        }
    },
    "connected_accounts_delete_failed": {
        "code": "connected_accounts_delete_failed",
        "event": "Failed Connected Account Delete",
        "description": "User failed to delete a connected third-party account",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "connected_accounts_delete_failed"
        }
    },
    "connected_accounts_delete_succeeded": {
        "code": "connected_accounts_delete_succeeded",
        "event": "Successful Connected Account Delete",
        "description": "User successfully deleted a connected third-party account",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "connected_accounts_delete_succeeded"
        }
    },
    "cs": {
        "code": "cs",
        "event": "Code Sent",
        "description": "Passwordless login code has been sent",
        "category": "user.notification",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {
                    "authParams": {
                        "audience": "",
                        "redirect_uri": "",
                        "response_type": "",
                        "scope": "",
                        "state": ""
                    },
                    "client_id": "",
                    "connection": "",
                    "ip": "",
                    "phone_number": "",
                    "request_language": "",
                    "send": "",
                    "tenant": "",
                    "user-agent": "",
                    "username": ""
                }
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "cs"
        }
    },
    "custom_domain_verification_failed": {
        "code": "custom_domain_verification_failed",
        "event": "Custom Domain Verification Failed",
        "description": "Unable to verify a custom domain",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "custom_domain_id": "",
                "domain": "",
                "status": "",
                "type": ""
            },
            "environment_name": "",
            "log_id": "",
            "tenant_name": "",
            "type": "custom_domain_verification_failed"
        }
    },
    "depnote": {
        "code": "depnote",
        "event": "Deprecation Notice",
        "description": "",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "feature": {
                    "description": "",
                    "documentation": "",
                    "id": "",
                    "name": ""
                }
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "depnote"
        }
    },
    "directory_sync_completed": {
        "code": "directory_sync_completed",
        "event": "Inbound Directory Sync Completed",
        "description": "",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "synchronization_id": "",
                "sync_status": "",
                "scheduled": false,
                "created_at": "1970-01-01T00:00:00.000Z",
                "started_at": "1970-01-01T00:00:00.000Z",
                "completed_at": "1970-01-01T00:00:00.000Z"
            },
            "environment_name": "",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "directory_sync_completed"
        }
    },
    "directory_sync_failed": {
        "code": "directory_sync_failed",
        "event": "Inbound Directory Sync Failed",
        "description": "",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "synchronization_id": "",
                "sync_status": "",
                "scheduled": false,
                "created_at": "1970-01-01T00:00:00.000Z",
                "started_at": "1970-01-01T00:00:00.000Z",
                "error": {
                    "message": ""
                }
            },
            "environment_name": "",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "directory_sync_failed"
        }
    },
    "directory_sync_started": {
        "code": "directory_sync_started",
        "event": "Inbound Directory Sync Started",
        "description": "",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "synchronization_id": "",
                "scheduled": false,
                "created_at": "1970-01-01T00:00:00.000Z",
                "started_at": "1970-01-01T00:00:00.000Z"
            },
            "environment_name": "",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "directory_sync_started"
        }
    },
    "du": {
        "code": "du",
        "event": "Deleted User",
        "description": "User has been deleted.",
        "category": "",
        "inSchema": false
    },
    "f": {
        "code": "f",
        "event": "Failed Login",
        "description": "",
        "category": "auth.login.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "error": {
                    "message": "",
                    "oauthError": ""
                }
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "f"
        }
    },
    "failed_on_behalf_of_token_exchange": {
        "code": "failed_on_behalf_of_token_exchange",
        "event": "Failed Exchange",
        "description": "Failed Exchange via On-Behalf-Of Token Exchange",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "failed_on_behalf_of_token_exchange"
        }
    },
    "fapi": {
        "code": "fapi",
        "event": "Failed API Operation",
        "description": "",
        "category": "management.fail",
        "inSchema": false
    },
    "fc": {
        "code": "fc",
        "event": "Failed by Connector",
        "description": "",
        "category": "auth.login.fail",
        "inSchema": false
    },
    "fce": {
        "code": "fce",
        "event": "Failed Change Email",
        "description": "Failed to change user email",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {
                    "client_id": "",
                    "connection": "",
                    "email": "",
                    "email_verified": false,
                    "newEmail": "",
                    "tenant": "",
                    "user_id": "",
                    "verify": false
                }
            },
            "environment_name": "",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fce"
        }
    },
    "fco": {
        "code": "fco",
        "event": "Failed by CORS",
        "description": "Origin is not in the Allowed Origins list for the specified application",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "allowedOrigins": [],
                "headers": {},
                "host": "",
                "method": "",
                "origin": "",
                "xhr": false
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fco"
        }
    },
    "fcoa": {
        "code": "fcoa",
        "event": "Failed cross-origin authentication",
        "description": "",
        "category": "auth.login.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {
                "body": {},
                "connection": "",
                "error": {
                    "message": "",
                    "oauthError": ""
                }
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fcoa"
        }
    },
    "fcp": {
        "code": "fcp",
        "event": "Failed Change Password",
        "description": "",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {
                    "confirmNewPassword": "",
                    "newPassword": "",
                    "_csrf": "",
                    "ticket": ""
                },
                "description": "",
                "query": {
                    "client_id": "",
                    "connection": "",
                    "email": "",
                    "includeEmailInRedirect": false,
                    "markEmailAsVerified": false,
                    "newPassword": "",
                    "resultUrl": "",
                    "tenant": "",
                    "user_id": "",
                    "username": ""
                }
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fcp"
        }
    },
    "fcph": {
        "code": "fcph",
        "event": "Failed Post Change Password Hook",
        "description": "",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fcph"
        }
    },
    "fcpn": {
        "code": "fcpn",
        "event": "Failed Change Phone Number",
        "description": "",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {
                    "client_id": "",
                    "connection": "",
                    "new_phone_number": "",
                    "old_phone_number": "",
                    "phone_verified": "",
                    "tenant": "",
                    "user_id": "",
                    "verify": false
                }
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fcpn"
        }
    },
    "fcpr": {
        "code": "fcpr",
        "event": "Failed Change Password Request",
        "description": "",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {
                    "client_id": "",
                    "connection": "",
                    "debug": false,
                    "verify": false,
                    "email": "",
                    "tenant": ""
                }
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fcpr"
        }
    },
    "fcpro": {
        "code": "fcpro",
        "event": "Failed Connector Provisioning",
        "description": "Failed to provision an AD/LDAP connector",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "details": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fcpro"
        }
    },
    "fcu": {
        "code": "fcu",
        "event": "Failed Change Username",
        "description": "Failed to change username",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {
                    "client_id": "",
                    "connection": "",
                    "email": "",
                    "newUername": "",
                    "oldUsername": "",
                    "tenant": "",
                    "user_id": ""
                }
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fcu"
        }
    },
    "fd": {
        "code": "fd",
        "event": "Failed Delegation",
        "description": "Failed to generate delegation token",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "grant_type": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fd"
        }
    },
    "fdeac": {
        "code": "fdeac",
        "event": "Failed Device Activation",
        "description": "Failed to activate device.",
        "category": "other",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {
                "code": "",
                "session_id": ""
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fdeac"
        }
    },
    "fdeaz": {
        "code": "fdeaz",
        "event": "Failed Device Authorization Request",
        "description": "Device authorization request failed.",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {
                    "client_id": "",
                    "scope": ""
                }
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fdeaz"
        }
    },
    "fdecc": {
        "code": "fdecc",
        "event": "User Canceled Device Confirmation",
        "description": "User did not confirm device.",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "session_id": ""
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fdecc"
        }
    },
    "fdeleacft": {
        "code": "fdeleacft",
        "event": "",
        "description": "Failed to Exchange Delegated Authorization Code for Access Token",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "actor": {
                    "sub": ""
                }
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fdeleacft"
        }
    },
    "fdelsa": {
        "code": "fdelsa",
        "event": "",
        "description": "Failed Delegated Silent Authentication",
        "category": "auth.silent_auth.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {
                "actor": {
                    "sub": ""
                }
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fdelsa"
        }
    },
    "fdu": {
        "code": "fdu",
        "event": "Failed User Deletion",
        "description": "",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "body": {}
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fdu"
        }
    },
    "feacft": {
        "code": "feacft",
        "event": "Failed Exchange",
        "description": "Failed to exchange authorization code for Access Token",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "feacft"
        }
    },
    "feccft": {
        "code": "feccft",
        "event": "Failed Exchange",
        "description": "Failed exchange of Access Token for a Client Credentials Grant",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "feccft"
        }
    },
    "fecte": {
        "code": "fecte",
        "event": "Failed Exchange",
        "description": "Failed Exchange via Custom Token Exchange",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {
                "subject_token_type": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fecte"
        }
    },
    "fede": {
        "code": "fede",
        "event": "Failed Exchange",
        "description": "Failed to exchange Device Code for Access Token",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fede"
        }
    },
    "federated_logout_failed": {
        "code": "federated_logout_failed",
        "event": "Failed Federated Logout",
        "description": "Failed to logout of the upstream Identity Provider",
        "category": "auth.logout.fail",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "errors": []
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "federated_logout_failed"
        }
    },
    "fens": {
        "code": "fens",
        "event": "Failed Exchange",
        "description": "Failed exchange for Native Social Login",
        "category": "auth.login.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {
                "subject_token_type": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fens"
        }
    },
    "feoobft": {
        "code": "feoobft",
        "event": "Failed Exchange",
        "description": "Failed exchange of Password and OOB Challenge for Access Token",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "feoobft"
        }
    },
    "feotpft": {
        "code": "feotpft",
        "event": "Failed Exchange",
        "description": "Failed exchange of Password and OTP Challenge for Access Token",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "feotpft"
        }
    },
    "fepft": {
        "code": "fepft",
        "event": "Failed Exchange",
        "description": "Failed exchange of Password for Access Token",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fepft"
        }
    },
    "fepotpft": {
        "code": "fepotpft",
        "event": "Failed Exchange",
        "description": "Failed exchange of Passwordless OTP for Access Token",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fepotpft"
        }
    },
    "fercft": {
        "code": "fercft",
        "event": "Failed Exchange",
        "description": "Failed Exchange of Password and MFA Recovery code for Access Token",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fercft"
        }
    },
    "ferrt": {
        "code": "ferrt",
        "event": "Failed Exchange",
        "description": "Failed Exchange of Rotating Refresh Token. This could occur when reuse is detected.",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {
                "familyId": "",
                "latestCounter": 0,
                "tokenCounter": 0
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "ferrt"
        }
    },
    "fertft": {
        "code": "fertft",
        "event": "Failed Exchange",
        "description": "Failed Exchange of Refresh Token for Access Token. This could occur if the refresh token is revoked or expired.",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fertft"
        }
    },
    "feta": {
        "code": "feta",
        "event": "Failed Exchange",
        "description": "Failed token exchange at Token Vault",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "subject_token_type": "",
                "failure_reason": "",
                "is_privileged_worker": false
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "feta"
        }
    },
    "fi": {
        "code": "fi",
        "event": "Failed invite accept",
        "description": "Failed to accept a user invitation. This could happen if the user accepts an invitation using a different email address than provided in the invitation, or due to a system failure while provisioning the invitation.",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "invitation": {
                    "client_id": "",
                    "created_at": "",
                    "expires_at": "",
                    "id": "",
                    "invitee": {
                        "email": ""
                    },
                    "inviter": {
                        "name": "",
                        "organization_id": ""
                    },
                    "roles": [],
                    "ticket_id": ""
                }
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fi"
        }
    },
    "flo": {
        "code": "flo",
        "event": "Failed Logout",
        "description": "User logout failed",
        "category": "auth.logout.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "allowed_logout_url": [],
                "return_to": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "flo"
        }
    },
    "flows_execution_completed": {
        "code": "flows_execution_completed",
        "event": "Flows Execution Completed",
        "description": "",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "execution_id": "",
                "flow_id": "",
                "state": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "flows_execution_completed"
        }
    },
    "flows_execution_failed": {
        "code": "flows_execution_failed",
        "event": "Flows Execution Failed",
        "description": "",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "error": {
                    "code": "",
                    "message": ""
                },
                "execution_id": "",
                "flow_id": "",
                "state": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "flows_execution_failed"
        }
    },
    "fn": {
        "code": "fn",
        "event": "Failed Sending Notification",
        "description": "Failed to send notification",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "email_type": "",
                "notification_type": "",
                "to": ""
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fn"
        }
    },
    "forms_submission_failed": {
        "code": "forms_submission_failed",
        "event": "Forms Submission Failed",
        "description": "",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "error": {
                    "code": "",
                    "message": ""
                },
                "form_id": "",
                "state": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "forms_submission_failed"
        }
    },
    "forms_submission_succeeded": {
        "code": "forms_submission_succeeded",
        "event": "Forms Submission Succeeded",
        "description": "",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "form_id": "",
                "state": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "forms_submission_succeeded"
        }
    },
    "fp": {
        "code": "fp",
        "event": "Failed Login (Incorrect Password)",
        "description": "",
        "category": "auth.login.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "error": {
                    "message": ""
                }
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fp"
        }
    },
    "fpar": {
        "code": "fpar",
        "event": "Failed Pushed Authorization Request",
        "description": "",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "error": {
                    "message": "",
                    "oauthError": ""
                }
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fpar"
        }
    },
    "fpurh": {
        "code": "fpurh",
        "event": "Failed Post User Registration Hook",
        "description": "",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fpurh"
        }
    },
    "fs": {
        "code": "fs",
        "event": "Failed Signup",
        "description": "",
        "category": "auth.signup.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fs"
        }
    },
    "fsa": {
        "code": "fsa",
        "event": "Failed Silent Auth",
        "description": "",
        "category": "auth.silent_auth.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fsa"
        }
    },
    "fscim": {
        "code": "fscim",
        "event": "",
        "description": "Failed SCIM Operation",
        "category": "scim.event",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "action": "",
                "connection_id": "",
                "request": {
                    "method": "",
                    "path": "",
                    "query": {},
                    "userAgent": "",
                    "ip": "",
                    "body": {}
                },
                "response": {
                    "statusCode": 0
                }
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "fscim"
        }
    },
    "fu": {
        "code": "fu",
        "event": "Failed Login (Invalid Email/Username)",
        "description": "",
        "category": "auth.login.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fu"
        }
    },
    "fui": {
        "code": "fui",
        "event": "Failed users import",
        "description": "Failed to import users",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "tenant": "",
                "connection": ""
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fui"
        }
    },
    "fv": {
        "code": "fv",
        "event": "Failed Verification Email",
        "description": "Failed to send verification email",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "body": {},
            "client_name": "",
            "description": "",
            "details": {
                "query": {
                    "client_id": "",
                    "connection": "",
                    "email": "",
                    "idp_user_id": "",
                    "includeEmailInRedirect": "",
                    "resultUrl": "",
                    "tenant": "",
                    "user_id": ""
                }
            },
            "email": "",
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "query": {},
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "title": "",
            "type": "fv"
        }
    },
    "fvr": {
        "code": "fvr",
        "event": "Failed Verification Email Request",
        "description": "Failed to process verification email request",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {}
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "fvr"
        }
    },
    "gd_auth_email_verification": {
        "code": "gd_auth_email_verification",
        "event": "Email Verification Confirmed",
        "description": "Email verification completed successfully",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_auth_email_verification"
        }
    },
    "gd_auth_fail_email_verification": {
        "code": "gd_auth_fail_email_verification",
        "event": "Email Verification Failed",
        "description": "Email verification failed.",
        "category": "",
        "inSchema": false
    },
    "gd_auth_failed": {
        "code": "gd_auth_failed",
        "event": "MFA Auth failed",
        "description": "Multi-factor authentication failed. This could happen due to a wrong code entered for SMS/Voice/Email/TOTP factors, or a system failure.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "request": {
                    "auth": {
                        "scopes": [],
                        "strategy": ""
                    },
                    "body": {
                        "code": ""
                    },
                    "ip": "",
                    "method": "",
                    "path": "",
                    "query": "",
                    "userAgent": ""
                },
                "response": {}
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_auth_failed"
        }
    },
    "gd_auth_rejected": {
        "code": "gd_auth_rejected",
        "event": "MFA Auth rejected",
        "description": "A user rejected a Multi-factor authentication request via push-notification.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_auth_rejected"
        }
    },
    "gd_auth_succeed": {
        "code": "gd_auth_succeed",
        "event": "MFA Auth success",
        "description": "Multi-factor authentication success.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_auth_succeed"
        }
    },
    "gd_enrollment_complete": {
        "code": "gd_enrollment_complete",
        "event": "MFA enrollment complete",
        "description": "A first time MFA user has successfully enrolled using one of the factors.",
        "category": "user.notification",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_enrollment_complete"
        }
    },
    "gd_module_switch": {
        "code": "gd_module_switch",
        "event": "Module switch",
        "description": "",
        "category": "",
        "inSchema": false
    },
    "gd_otp_rate_limit_exceed": {
        "code": "gd_otp_rate_limit_exceed",
        "event": "Too many MFA failures",
        "description": "A user sends more than 10 requests to their device within one hour. Note that the request limit does not reset upon a successful login event.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_otp_rate_limit_exceed"
        }
    },
    "gd_recovery_failed": {
        "code": "gd_recovery_failed",
        "event": "Recovery failed",
        "description": "A user enters a wrong recovery code when attempting to authenticate.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_recovery_failed"
        }
    },
    "gd_recovery_rate_limit_exceed": {
        "code": "gd_recovery_rate_limit_exceed",
        "event": "Multi-factor recovery code has failed too many times",
        "description": "A user has entered a wrong recovery code too many times.",
        "category": "",
        "inSchema": false
    },
    "gd_recovery_succeed": {
        "code": "gd_recovery_succeed",
        "event": "MFA recovery success",
        "description": "A user successfully authenticates with a recovery code.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_recovery_succeed"
        }
    },
    "gd_send_email": {
        "code": "gd_send_email",
        "event": "MFA Email Sent",
        "description": "Email for MFA successfully sent.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_send_email"
        }
    },
    "gd_send_email_verification": {
        "code": "gd_send_email_verification",
        "event": "Email Verification Sent",
        "description": "Verification email sent successfully.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_send_email_verification"
        }
    },
    "gd_send_email_verification_failure": {
        "code": "gd_send_email_verification_failure",
        "event": "Email Verification Failed",
        "description": "Email verification failed.",
        "category": "",
        "inSchema": false
    },
    "gd_send_pn": {
        "code": "gd_send_pn",
        "event": "Push notification sent",
        "description": "Push notification for MFA successfully sent.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_send_pn"
        }
    },
    "gd_send_pn_failure": {
        "code": "gd_send_pn_failure",
        "event": "Error Sending MFA Push Notification",
        "description": "Push notification for MFA failed.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_send_pn_failure"
        }
    },
    "gd_send_sms": {
        "code": "gd_send_sms",
        "event": "MFA SMS Sent",
        "description": "SMS for MFA successfully sent.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_send_sms"
        }
    },
    "gd_send_sms_failure": {
        "code": "gd_send_sms_failure",
        "event": "Error Sending MFA SMS",
        "description": "Attempt to send SMS for MFA failed.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_send_sms_failure"
        }
    },
    "gd_send_voice": {
        "code": "gd_send_voice",
        "event": "MFA voice call success",
        "description": "Voice call for MFA successfully made.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_send_voice"
        }
    },
    "gd_send_voice_failure": {
        "code": "gd_send_voice_failure",
        "event": "MFA voice call failed",
        "description": "Attempt to make Voice call for MFA failed.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_send_voice_failure"
        }
    },
    "gd_start_auth": {
        "code": "gd_start_auth",
        "event": "Second factor started",
        "description": "Second factor authentication event started for MFA.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_start_auth"
        }
    },
    "gd_start_enroll": {
        "code": "gd_start_enroll",
        "event": "MFA Enroll started",
        "description": "Multi-factor authentication enroll has started.",
        "category": "user.notification",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_start_enroll"
        }
    },
    "gd_start_enroll_failed": {
        "code": "gd_start_enroll_failed",
        "event": "MFA Enrollment Failed",
        "description": "Push to start enrollement failed.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_start_enroll_failed"
        }
    },
    "gd_tenant_update": {
        "code": "gd_tenant_update",
        "event": "Guardian tenant update",
        "description": "",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_tenant_update"
        }
    },
    "gd_unenroll": {
        "code": "gd_unenroll",
        "event": "Unenroll device account",
        "description": "Device used for second factor authentication has been unenrolled.",
        "category": "user.notification",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_unenroll"
        }
    },
    "gd_update_device_account": {
        "code": "gd_update_device_account",
        "event": "Update device account",
        "description": "Device used for second factor authentication has been updated.",
        "category": "user.notification",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_update_device_account"
        }
    },
    "gd_user_delete": {
        "code": "gd_user_delete",
        "event": "User delete",
        "description": "Deleted multifactor user account.",
        "category": "",
        "inSchema": false
    },
    "gd_webauthn_challenge_failed": {
        "code": "gd_webauthn_challenge_failed",
        "event": "WebAuthn browser error",
        "description": "User failed to verify Webauthn factor.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_webauthn_challenge_failed"
        }
    },
    "gd_webauthn_enrollment_failed": {
        "code": "gd_webauthn_enrollment_failed",
        "event": "WebAuthn browser error",
        "description": "WebAuthn browser enrollment failed.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "gd_webauthn_enrollment_failed"
        }
    },
    "idjag_exchange_failed": {
        "code": "idjag_exchange_failed",
        "event": "Failed Exchange",
        "description": "Failed Exchange of Identity Assertion Authorization Grant JWT for Access Token",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "idjag_exchange_failed"
        }
    },
    "idjag_exchange_succeeded": {
        "code": "idjag_exchange_succeeded",
        "event": "Success Exchange",
        "description": "Successful Exchange of Identity Assertion Authorization Grant JWT for Access Token",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "idjag_exchange_succeeded"
        }
    },
    "jwt_bearer_exchange_failed": {
        "code": "jwt_bearer_exchange_failed",
        "event": "Failed Exchange",
        "description": "Failed Exchange of JWT Bearer Assertion for Access Token",
        "category": "auth.token_exchange.fail",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "jwt_bearer_exchange_failed"
        }
    },
    "kms_key_management_failure": {
        "code": "kms_key_management_failure",
        "event": "Failed KMS API Operation",
        "description": "KMS operation failed",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "environment_name": "",
            "log_id": "",
            "tenant_name": "",
            "type": "kms_key_management_failure"
        }
    },
    "kms_key_management_success": {
        "code": "kms_key_management_success",
        "event": "Success KMS API Operation",
        "description": "KMS operation completed successfully",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "environment_name": "",
            "log_id": "",
            "tenant_name": "",
            "type": "kms_key_management_success"
        }
    },
    "kms_key_state_changed": {
        "code": "kms_key_state_changed",
        "event": "KMS Key State Change",
        "description": "KMS key state changed",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "id": "",
                "type": "",
                "state": ""
            },
            "environment_name": "",
            "log_id": "",
            "tenant_name": "",
            "type": "kms_key_state_changed"
        }
    },
    "limit_delegation": {
        "code": "limit_delegation",
        "event": "Too Many Calls to /delegation",
        "description": "Rate limit exceeded to `/delegation` endpoint",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "limit_delegation"
        }
    },
    "limit_mu": {
        "code": "limit_mu",
        "event": "Blocked IP Address",
        "description": "An IP address is blocked because it attempted too many failed logins without a successful login. Or an IP address is blocked because it attempted too many sign-ups, whether successful or failed. For more information, see [Attack Protection](/docs/secure/attack-protection).",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "limit_mu"
        }
    },
    "limit_phone": {
        "code": "limit_phone",
        "event": "",
        "description": "A user is temporarily prevented from sending more SMS messages or voice calls because they reached the maximum allowed in a given time period",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "limit_phone"
        }
    },
    "limit_sul": {
        "code": "limit_sul",
        "event": "Blocked Account",
        "description": "A user is temporarily prevented from logging in because they reached the maximum logins per time period from the same IP address. For more information, see [Attack Protection](/docs/secure/attack-protection).",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "limit_sul"
        }
    },
    "limit_ui": {
        "code": "limit_ui",
        "event": "Too Many Calls to /userinfo",
        "description": "Rate limit exceeded to `/limit_ui` endpoint",
        "category": "",
        "inSchema": false
    },
    "limit_wc": {
        "code": "limit_wc",
        "event": "Blocked Account",
        "description": "An IP address is blocked because it reached the maximum failed login attempts into a single account.",
        "category": "system.notification",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "limit_wc"
        }
    },
    "mfar": {
        "code": "mfar",
        "event": "MFA Required",
        "description": "A user has been prompted for multi-factor authentication (MFA). When using Adaptive MFA, Auth0 includes details about the risk assessment. Available in only the [Resource Owner Password Flow](/docs/get-started/authentication-and-authorization-flow/resource-owner-password-flow).",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "mfar"
        }
    },
    "mgmt_api_read": {
        "code": "mgmt_api_read",
        "event": "Management API read Operation",
        "description": "API GET operation returning secrets completed successfully",
        "category": "management.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "accessedSecrets": [],
                "request": {
                    "auth": {
                        "credentials": "",
                        "strategy": "",
                        "user": ""
                    },
                    "channel": "",
                    "ip": "",
                    "method": "",
                    "path": "",
                    "query": {},
                    "userAgent": ""
                },
                "response": {
                    "statusCode": 0,
                    "body": {}
                }
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "mgmt_api_read"
        }
    },
    "my_account_authentication_method_failed": {
        "code": "my_account_authentication_method_failed",
        "event": "Failed authentication method operation in My Account API",
        "description": "Failed to complete authentication method operation in My Account API",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "operation": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "my_account_authentication_method_failed"
        }
    },
    "my_account_authentication_method_succeeded": {
        "code": "my_account_authentication_method_succeeded",
        "event": "Successful authentication method operation in My Account API",
        "description": "Successfully completed authentication method operation in My Account API",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "operation": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "my_account_authentication_method_succeeded"
        }
    },
    "oidc_backchannel_logout_failed": {
        "code": "oidc_backchannel_logout_failed",
        "event": "Failed OIDC Back-Channel Logout request",
        "description": "Failed OIDC Back-Channel Logout request",
        "category": "auth.logout.fail",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "request": {
                    "method": "",
                    "backchannel_logout_uri": ""
                },
                "response": {
                    "statusCode": 0
                },
                "initiator": ""
            },
            "environment_name": "",
            "log_id": "",
            "tenant_name": "",
            "type": "oidc_backchannel_logout_failed"
        }
    },
    "oidc_backchannel_logout_succeeded": {
        "code": "oidc_backchannel_logout_succeeded",
        "event": "Successful OIDC Back-Channel Logout request",
        "description": "Successful OIDC Back-Channel Logout request",
        "category": "auth.logout.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "request": {
                    "method": "",
                    "backchannel_logout_uri": ""
                },
                "response": {
                    "statusCode": 0
                },
                "initiator": ""
            },
            "environment_name": "",
            "log_id": "",
            "tenant_name": "",
            "type": "oidc_backchannel_logout_succeeded"
        }
    },
    "organization_member_added": {
        "code": "organization_member_added",
        "event": "Organization Member Added",
        "description": "Successfully added member to organization",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "reason": "invitation"
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "organization_member_added"
        }
    },
    "passkey_challenge_failed": {
        "code": "passkey_challenge_failed",
        "event": "Passkey Challenge Failed",
        "description": "Native passkey challenge failed",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "passkey_challenge_failed"
        }
    },
    "passkey_challenge_started": {
        "code": "passkey_challenge_started",
        "event": "Passkey Challenge Started",
        "description": "Native passkey challenge was successfully initiated",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "passkey_challenge_started"
        }
    },
    "pla": {
        "code": "pla",
        "event": "Pre-login assessment",
        "description": "This log is generated before a login and helps in monitoring the behavior of bot detection without having to enable it.",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "ipOnAllowlist": false,
                "requiresVerification": false,
                "session_id": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "pla"
        }
    },
    "pwd_leak": {
        "code": "pwd_leak",
        "event": "Breached password",
        "description": "Someone behind the IP address `ip` attempted to login with a leaked password. The `pwd_leak` tenant log is emitted once per hour per IP address.",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "pwd_leak"
        }
    },
    "reset_pwd_leak": {
        "code": "reset_pwd_leak",
        "event": "Breached Password on Reset",
        "description": "Someone behind the IP address `ip` attempted to reset with a leaked password.",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "reset_pwd_leak"
        }
    },
    "resource_cleanup": {
        "code": "resource_cleanup",
        "event": "Success Resource Cleanup",
        "description": "Emitted when resources exceeding defined limits were removed.",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "start": 0,
                "removedCount": 0,
                "endCount": 0
            },
            "environment_name": "",
            "log_id": "",
            "tenant_name": "",
            "type": "resource_cleanup"
        }
    },
    "rich_consents_access_error": {
        "code": "rich_consents_access_error",
        "event": "Rich Consents Access Error",
        "description": "Error fetching a Rich Consent record",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "error": {
                    "message": ""
                },
                "requestedRichConsentId": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "rich_consents_access_error"
        }
    },
    "s": {
        "code": "s",
        "event": "Success Login",
        "description": "Successful login event.",
        "category": "auth.login.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "s"
        }
    },
    "sapi": {
        "code": "sapi",
        "event": "Success API Operation",
        "description": "Successful management API write event.",
        "category": "management.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "request": {},
                "response": {}
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "sapi"
        }
    },
    "sce": {
        "code": "sce",
        "event": "Success Change Email",
        "description": "",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {
                    "client_id": "",
                    "connection": "",
                    "email": "",
                    "email_verified": "",
                    "newEmail": "",
                    "user_id": "",
                    "tenant": "",
                    "verify": false
                }
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "sce"
        }
    },
    "scoa": {
        "code": "scoa",
        "event": "Success cross-origin authentication",
        "description": "",
        "category": "auth.login.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "scoa"
        }
    },
    "scp": {
        "code": "scp",
        "event": "Success Change Password",
        "description": "",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {}
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "scp"
        }
    },
    "scph": {
        "code": "scph",
        "event": "Success Post Change Password Hook",
        "description": "",
        "category": "",
        "inSchema": false
    },
    "scpn": {
        "code": "scpn",
        "event": "Success Change Phone Number",
        "description": "",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {}
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "scpn"
        }
    },
    "scpr": {
        "code": "scpr",
        "event": "Success Change Password Request",
        "description": "",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {}
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "scpr"
        }
    },
    "scu": {
        "code": "scu",
        "event": "Success Change Username",
        "description": "",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {
                    "newUsername": "",
                    "oldUsername": ""
                }
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "scu"
        }
    },
    "scv": {
        "code": "scv",
        "event": "Success Credential Validation",
        "description": "Successful credential validation event.",
        "category": "auth.login.notification",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "scv"
        }
    },
    "sd": {
        "code": "sd",
        "event": "Success Delegation",
        "description": "",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "sd"
        }
    },
    "sdel": {
        "code": "sdel",
        "event": "",
        "description": "Successful Delegated Login",
        "category": "auth.login.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "actor": {
                    "sub": ""
                }
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "sdel"
        }
    },
    "sdeleacft": {
        "code": "sdeleacft",
        "event": "",
        "description": "Successful Exchange of Delegated Authorization Code for Access Token",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {
                "actor": {
                    "sub": ""
                }
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "sdeleacft"
        }
    },
    "sdelsa": {
        "code": "sdelsa",
        "event": "",
        "description": "Successful Delegated Silent Authentication",
        "category": "auth.silent_auth.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "actor": {
                    "sub": ""
                }
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "sdelsa"
        }
    },
    "sdu": {
        "code": "sdu",
        "event": "Success User Deletion",
        "description": "User successfully deleted",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "body": {}
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "sdu"
        }
    },
    "seacft": {
        "code": "seacft",
        "event": "Success Exchange",
        "description": "Successful exchange of authorization code for Access Token",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "seacft"
        }
    },
    "seccft": {
        "code": "seccft",
        "event": "Success Exchange",
        "description": "Successful exchange of Access Token for a Client Credentials Grant",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "seccft"
        }
    },
    "secte": {
        "code": "secte",
        "event": "Success Exchange",
        "description": "Succesful Exchange via Custom Token Exchange",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {
                "subject_token_type": ""
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "secte"
        }
    },
    "sede": {
        "code": "sede",
        "event": "Success Exchange",
        "description": "Successful exchange of device code for Access Token",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "sede"
        }
    },
    "sens": {
        "code": "sens",
        "event": "Success Exchange",
        "description": "Native Social Login",
        "category": "auth.login.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "sens"
        }
    },
    "seoobft": {
        "code": "seoobft",
        "event": "Success Exchange",
        "description": "Successful exchange of Password and OOB Challenge for Access Token",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "seoobft"
        }
    },
    "seotpft": {
        "code": "seotpft",
        "event": "Success Exchange",
        "description": "Successful exchange of Password and OTP Challenge for Access Token",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "seotpft"
        }
    },
    "sepft": {
        "code": "sepft",
        "event": "Success Exchange",
        "description": "Successful exchange of Password for Access Token",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "sepft"
        }
    },
    "sepkoobft": {
        "code": "sepkoobft",
        "event": "Success Exchange",
        "description": "Successful exchange of Passkey and OOB Challenge for Access Token",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "sepkoobft"
        }
    },
    "sepkotpft": {
        "code": "sepkotpft",
        "event": "Success Exchange",
        "description": "Successful exchange of Passkey and OTP Challenge for Access Token",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "sepkotpft"
        }
    },
    "sepkrcft": {
        "code": "sepkrcft",
        "event": "Success Exchange",
        "description": "Successful exchange of Passkey and MFA Recovery Code for Access Token",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "sepkrcft"
        }
    },
    "sercft": {
        "code": "sercft",
        "event": "Success Exchange",
        "description": "Successful exchange of Password and MFA Recovery code for Access Token",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "sercft"
        }
    },
    "sertft": {
        "code": "sertft",
        "event": "Success Exchange",
        "description": "Successful exchange of Refresh Token for Access Token",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "sertft"
        }
    },
    "seta": {
        "code": "seta",
        "event": "Success Exchange",
        "description": "Successful token exchange at Token Vault",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "subject_token_type": "",
                "issued_token_type": "",
                "scope": "",
                "expires_at": "",
                "is_privileged_worker": false,
                "token_thumbprint": ""
            },
            "environment_name": "",
            "identity_user_id": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "seta"
        }
    },
    "si": {
        "code": "si",
        "event": "Successfully accepted a user invite",
        "description": "Successfully accepted a user invitation",
        "category": "other",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "invitation": {}
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "si"
        }
    },
    "signup_pwd_leak": {
        "code": "signup_pwd_leak",
        "event": "Breached Password on Signup",
        "description": "Someone behind the IP address `ip` attempted to signup with a leaked password.",
        "category": "other",
        "inSchema": false
    },
    "slo": {
        "code": "slo",
        "event": "Success Logout",
        "description": "User successfully logged out",
        "category": "auth.logout.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "slo"
        }
    },
    "srrt": {
        "code": "srrt",
        "event": "Successfully revoked a refresh token",
        "description": "",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "credential_id": ""
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "srrt"
        }
    },
    "ss": {
        "code": "ss",
        "event": "Success Signup",
        "description": "",
        "category": "auth.signup.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {}
            },
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "ss"
        }
    },
    "ss_sso_failure": {
        "code": "ss_sso_failure",
        "event": "Failed SS-SSO Operation",
        "description": "Self-Service operation failed",
        "category": "user.fail",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "ss_sso_event_name": "ss_sso_ticket_consumption"
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "ss_sso_failure"
        }
    },
    "ss_sso_info": {
        "code": "ss_sso_info",
        "event": "Information from an SS-SSO Operation",
        "description": "Try-connection flow started/completed",
        "category": "user.notification",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "ss_sso_event_name": "ss_sso_try_connection_start",
                "ss_sso_tracing_id": "",
                "connection_name": "",
                "flow_type": "create"
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "ss_sso_info"
        }
    },
    "ss_sso_success": {
        "code": "ss_sso_success",
        "event": "Success SS-SSO Operation",
        "description": "Self-Service operation completed successfully",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "ss_sso_event_name": "ss_sso_ticket_generation",
                "ss_sso_tracing_id": "",
                "connection_name": "",
                "flow_type": "create"
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "ss_sso_success"
        }
    },
    "ssa": {
        "code": "ssa",
        "event": "Success Silent Auth",
        "description": "",
        "category": "auth.silent_auth.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "hostname": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "ssa"
        }
    },
    "sscim": {
        "code": "sscim",
        "event": "Successful SCIM Operation",
        "description": "SCIM operation succeeded",
        "category": "scim.event",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "action": "",
                "connection_id": "",
                "request": {
                    "method": "",
                    "path": "",
                    "query": {},
                    "userAgent": "",
                    "ip": "",
                    "body": {}
                },
                "response": {
                    "statusCode": 0
                }
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "sscim"
        }
    },
    "success_on_behalf_of_token_exchange": {
        "code": "success_on_behalf_of_token_exchange",
        "event": "Success Exchange",
        "description": "Successful Exchange via On-Behalf-Of Token Exchange",
        "category": "auth.token_exchange.success",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {
                "subject_token_type": "",
                "requested_token_type": "",
                "actor": {}
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "success_on_behalf_of_token_exchange"
        }
    },
    "sui": {
        "code": "sui",
        "event": "Successfully imported users",
        "description": "Successfully imported users",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "log_id": "",
            "tenant_name": "",
            "type": "sui"
        }
    },
    "sv": {
        "code": "sv",
        "event": "Success Verification Email",
        "description": "Successfully consumed email verification link",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "sv"
        }
    },
    "svr": {
        "code": "svr",
        "event": "Success Verification Email Request",
        "description": "Successfully called verification email endpoint. Verification email in queue to send.",
        "category": "user.success",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {
                "body": {}
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "svr"
        }
    },
    "sys_os_update_end": {
        "code": "sys_os_update_end",
        "event": "Auth0 OS Update Ended",
        "description": "(Managed Private Cloud only)",
        "category": "system.notification",
        "inSchema": false
    },
    "sys_os_update_start": {
        "code": "sys_os_update_start",
        "event": "Auth0 OS Update Started",
        "description": "(Managed Private Cloud only)",
        "category": "system.notification",
        "inSchema": false
    },
    "sys_update_end": {
        "code": "sys_update_end",
        "event": "Auth0 Update Ended",
        "description": "(Managed Private Cloud only)",
        "category": "system.notification",
        "inSchema": false
    },
    "sys_update_start": {
        "code": "sys_update_start",
        "event": "Auth0 Update Started",
        "description": "(Managed Private Cloud only)",
        "category": "system.notification",
        "inSchema": false
    },
    "too_many_records": {
        "code": "too_many_records",
        "event": "Max Amount of Authenticators",
        "description": "User has created the maximum amount of authenticators",
        "category": "",
        "inSchema": false
    },
    "ublkdu": {
        "code": "ublkdu",
        "event": "User login block released",
        "description": "User block setup by anomaly detection has been released",
        "category": "user.notification",
        "inSchema": true,
        "template": {
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "ublkdu"
        }
    },
    "universal_logout_failed": {
        "code": "universal_logout_failed",
        "event": "Failed Universal Logout request",
        "description": "Failed Universal Logout request",
        "category": "auth.logout.fail",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "response": {
                    "statusCode": 0
                },
                "error": ""
            },
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "universal_logout_failed"
        }
    },
    "universal_logout_succeeded": {
        "code": "universal_logout_succeeded",
        "event": "Successful Universal Logout request",
        "description": "Successful Universal Logout request",
        "category": "auth.logout.success",
        "inSchema": true,
        "template": {
            "description": "",
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "tenant_name": "",
            "type": "universal_logout_succeeded"
        }
    },
    "w": {
        "code": "w",
        "event": "Warning During Login",
        "description": "Filters for logs of type `warning` during login",
        "category": "auth.login.notification",
        "inSchema": true,
        "template": {
            "audience": "",
            "client_name": "",
            "description": "",
            "details": {},
            "environment_name": "",
            "ip": "127.0.0.1",
            "log_id": "",
            "strategy": "",
            "strategy_type": "",
            "tenant_name": "",
            "type": "w"
        }
    },
    "wn": {
        "code": "wn",
        "event": "Warning Sending Notification",
        "description": "Warnings that have occurred during notification sending.",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {
                "notification_type": "",
                "notification_channel": "",
                "to": ""
            },
            "environment_name": "",
            "log_id": "",
            "tenant_name": "",
            "type": "wn"
        }
    },
    "wum": {
        "code": "wum",
        "event": "Warning User Management",
        "description": "Filters for logs of type `warning` during user management operations",
        "category": "other",
        "inSchema": true,
        "template": {
            "description": "",
            "details": {},
            "environment_name": "",
            "log_id": "",
            "tenant_name": "",
            "type": "wum"
        }
    }
};


/***/ }),

/***/ 33216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E_: () => (/* binding */ LogRecordError),
/* harmony export */   G2: () => (/* reexport safe */ _log_codes_js__WEBPACK_IMPORTED_MODULE_1__.G),
/* harmony export */   Gv: () => (/* binding */ listLogs),
/* harmony export */   JT: () => (/* binding */ writeLogRecord)
/* harmony export */ });
/* unused harmony exports ENVIRONMENT_NAME, MAX_LOGS_PER_TENANT, newLogId, deepMerge */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _log_codes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6470);
/**
 * Auth0 tenant log records. Every record the sandbox writes carries the fields the published log
 * schema (specs/auth0/auth0-log-schemas.all-log-types.schema.json) requires for its type, filled
 * with realistic values, so consumers can be developed against records shaped like Auth0's.
 */



/** The `environment_name` of sandbox records (Auth0's look like `prod-us-3`). */
const ENVIRONMENT_NAME = 'sandbox-1';
/** Records kept per tenant; the oldest are dropped beyond this (Auth0 also keeps logs for a limited time). */
const MAX_LOGS_PER_TENANT = 100_000;
class LogRecordError extends Error {
}
let sequence = 0;
/**
 * A log id shaped like Auth0's (56 digits, starting `900` then the date): ids sort in the order the
 * records were written, which is what `from` (checkpoint) paging relies on.
 */
function newLogId(nowMs) {
    const d = new Date(nowMs);
    const p = (n, w) => String(n).padStart(w, '0');
    const stamp = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1, 2)}${p(d.getUTCDate(), 2)}${p(d.getUTCHours(), 2)}${p(d.getUTCMinutes(), 2)}${p(d.getUTCSeconds(), 2)}${p(d.getUTCMilliseconds(), 3)}`;
    sequence = (sequence + 1) % 1e12;
    let rand = '';
    while (rand.length < 24)
        rand += String((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomInt)(0, 1e9)).padStart(9, '0');
    return `900${stamp}${p(sequence, 12)}${rand.slice(0, 24)}`;
}
const isPlainObject = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
/** `over` on top of `base`; plain objects merge recursively, anything else is replaced. */
function deepMerge(base, over) {
    const out = { ...base };
    for (const [k, v] of Object.entries(over)) {
        if (v === undefined)
            continue;
        out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k], v) : v;
    }
    return out;
}
/** Realistic values for the fields a code's schema requires, keyed by field name. */
function fillers(tenant, code) {
    const client = [...tenant.clients.values()][0];
    const host = tenant.domain || `${tenant.name}.auth0.sandbox`;
    return {
        description: code.description || code.event,
        ip: '127.0.0.1',
        client_ip: '127.0.0.1',
        hostname: host,
        client_id: client?.clientId ?? '',
        client_name: client?.name ?? '',
        audience: `https://${host}/api/v2/`,
        strategy: 'auth0',
        strategy_type: 'database',
        connection: 'Username-Password-Authentication',
        connection_id: `con_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex')}`,
        user_id: `auth0|${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(12).toString('hex')}`,
        user_name: 'user@example.com',
        user_agent: 'Chrome 120.0.0 / Mac OS X 10.15.7',
    };
}
/** Fields that identify the user of a connection-based event; added together with `strategy`. */
const USER_FIELDS = ['connection', 'connection_id', 'user_id', 'user_name', 'user_agent'];
/** Fields every record gets (client fields are optional in most schemas but present in Auth0's records). */
const ALWAYS = ['client_id', 'client_name'];
/**
 * Appends a record of `partial.type` (an Auth0 log event code) to the tenant's logs, filling the
 * fields Auth0 always sets (log_id, date, tenant_name, environment_name, description) and those the
 * type's schema requires. Fields given in `partial` win; `details` merges. Throws LogRecordError for
 * an unknown tenant or code.
 */
function writeLogRecord(ctx, tenantName, partial) {
    const tenant = ctx.world.auth0Tenants.get(tenantName);
    if (!tenant)
        throw new LogRecordError(`Auth0 tenant '${tenantName}' does not exist in the sandbox.`);
    if (!isPlainObject(partial))
        throw new LogRecordError('A log record must be a JSON object.');
    const type = partial.type;
    const code = typeof type === 'string' ? _log_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .LOG_CODES */ .G[type] : undefined;
    if (!code) {
        throw new LogRecordError(`"${String(type)}" is not an Auth0 log event type code (see specs/auth0/log-event-type-codes.tsv; e.g. s, f, sapi, fapi, seccft).`);
    }
    const now = ctx.clock.now();
    const fill = fillers(tenant, code);
    const template = (code.template ?? {});
    const base = {};
    for (const [k, v] of Object.entries(template))
        base[k] = k in fill && (typeof v === 'string' || v === null) ? fill[k] : v;
    for (const k of ALWAYS)
        base[k] ??= fill[k];
    if ('strategy' in template)
        for (const k of USER_FIELDS)
            base[k] ??= fill[k];
    if (!code.inSchema) {
        // Codes the schema does not describe (fapi, du, …): the fields common to all records.
        base.ip ??= fill.ip;
        base.details ??= {};
    }
    if (isPlainObject(base.details))
        base.details = fillDates(base.details, now);
    const record = deepMerge({
        date: new Date(now).toISOString(),
        type: code.code,
        description: fill.description,
        ...base,
    }, partial);
    record.type = code.code;
    record.log_id = newLogId(now);
    record.tenant_name = tenant.name;
    record.environment_name ??= ENVIRONMENT_NAME;
    if (record.description === undefined || record.description === null)
        record.description = code.description || code.event;
    tenant.logs.push(record);
    if (tenant.logs.length > MAX_LOGS_PER_TENANT * 1.1)
        tenant.logs.splice(0, tenant.logs.length - MAX_LOGS_PER_TENANT);
    // Log streams: the delivery engine publishes the record to the tenant's active eventgrid streams (sandbox/delivery).
    ctx.delivery?.recordWritten(tenant.name, record);
    return record;
}
/** Replaces the generator's epoch placeholders with the record's time. */
function fillDates(o, now) {
    const out = {};
    for (const [k, v] of Object.entries(o)) {
        if (v === '1970-01-01T00:00:00.000Z')
            out[k] = new Date(now).toISOString();
        else
            out[k] = isPlainObject(v) ? fillDates(v, now) : v;
    }
    return out;
}
/** The records of a tenant after checkpoint `from` (exclusive), optionally of some types, at most `take`. */
function listLogs(tenant, opts) {
    let logs = tenant.logs;
    if (opts.from) {
        const from = opts.from;
        logs = logs.filter((l) => l.log_id > from);
    }
    if (opts.types?.length) {
        const types = new Set(opts.types);
        logs = logs.filter((l) => types.has(l.type));
    }
    return opts.take !== undefined ? logs.slice(0, opts.take) : logs.slice();
}


/***/ }),

/***/ 42602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EQ: () => (/* binding */ EVENTGRID_ORIGIN),
/* harmony export */   MD: () => (/* binding */ validateEventGridEndpoint),
/* harmony export */   mk: () => (/* binding */ validateCloudEventsEndpoint),
/* harmony export */   o$: () => (/* binding */ trustingAgent),
/* harmony export */   pc: () => (/* binding */ baseUrl),
/* harmony export */   tN: () => (/* binding */ send)
/* harmony export */ });
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Webhook destinations, called over HTTPS as Event Grid calls them:
 *   - endpoint validation when an event subscription is provisioned (settings.validateWebhooks):
 *     for CloudEvents 1.0 the abuse-protection handshake (`OPTIONS` with
 *     `WebHook-Request-Origin: eventgrid.azure.net`; the endpoint grants with a 2xx carrying
 *     `WebHook-Allowed-Origin: eventgrid.azure.net` or `*`, and optionally `WebHook-Allowed-Rate`),
 *     for the Event Grid schema the `Microsoft.EventGrid.SubscriptionValidationEvent` handshake (a POST
 *     whose 200 answer must echo `{"validationResponse": <validationCode>}`);
 *   - event delivery: one CloudEvent per `POST` (`content-type: application/cloudevents+json`), with
 *     Event Grid's `aeg-*` headers and the subscription's delivery attribute headers; 200–204 is success.
 * Trust: the system CAs plus the sandbox CA, so test receivers can use the sandbox's certificate.
 * Failure messages follow Event Grid's ("Webhook validation handshake failed for …", see aka.ms/esvalidation);
 * the URL they print is the base URL, never the query (which may carry a key).
 */



const EVENTGRID_ORIGIN = 'eventgrid.azure.net';
const contexts = new Map();
/**
 * An HTTPS agent trusting the system CAs and `extraCa` (the sandbox CA), with keep-alive. The trust goes
 * in one prebuilt secure context: passed as `ca`, Node would rebuild it per connection and fold every CA
 * into each request's connection-pool key (the cost of a delivery would be dominated by that).
 */
function trustingAgent(extraCa, maxSockets) {
    let secureContext = contexts.get(extraCa);
    if (!secureContext)
        contexts.set(extraCa, (secureContext = (0,node_tls__WEBPACK_IMPORTED_MODULE_1__.createSecureContext)({ ca: [...node_tls__WEBPACK_IMPORTED_MODULE_1__.rootCertificates, extraCa] })));
    return new node_https__WEBPACK_IMPORTED_MODULE_0__.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, secureContext, scheduling: 'fifo' });
}
/** One HTTPS request with a timeout; never rejects. `abort` cancels it (sandbox stop). */
function send(agent, method, url, headers, body, timeoutMs, inflight) {
    const started = performance.now();
    return new Promise((resolve) => {
        let done = false;
        const finish = (o) => {
            if (done)
                return;
            done = true;
            inflight?.delete(abort);
            resolve({ ...o, durationMs: performance.now() - started });
        };
        let req;
        const abort = () => {
            req?.destroy();
            finish({ status: 0, headers: {}, body: '', error: 'Aborted' });
        };
        try {
            const u = new URL(url);
            if (u.protocol !== 'https:') {
                finish({ status: 0, headers: {}, body: '', error: 'UnsupportedProtocol' });
                return;
            }
            req = (0,node_https__WEBPACK_IMPORTED_MODULE_0__.request)(u, { method, agent, headers: body !== undefined ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers, timeout: timeoutMs }, (res) => {
                const chunks = [];
                let size = 0;
                res.on('data', (c) => {
                    size += c.length;
                    if (size <= 64 * 1024)
                        chunks.push(c);
                });
                res.on('end', () => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
                res.on('error', (e) => finish({ status: res.statusCode ?? 0, headers: res.headers, body: '', error: e.code ?? 'ResponseError' }));
            });
        }
        catch (e) {
            finish({ status: 0, headers: {}, body: '', error: e.code ?? 'InvalidUrl' });
            return;
        }
        inflight?.add(abort);
        req.on('timeout', () => {
            req.destroy();
            finish({ status: 0, headers: {}, body: '', error: 'TimedOut' });
        });
        req.on('error', (e) => finish({ status: 0, headers: {}, body: '', error: e.code ?? 'ConnectionError' }));
        req.end(body);
    });
}
/** Event Grid's way of printing a UTC time in validation messages: `1/16/2022 8:56:35 PM`. */
function egTime(ms) {
    const d = new Date(ms);
    const h = d.getUTCHours();
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}
/** The URL without its query (the query may carry a function key). */
function baseUrl(url) {
    try {
        const u = new URL(url);
        return `${u.origin}${u.pathname}`;
    }
    catch {
        return url.replace(/\?.*$/, '');
    }
}
function handshakeFailed(url, detail, nowMs) {
    return {
        code: 'Url validation',
        message: `Webhook validation handshake failed for ${baseUrl(url)}. ${detail} ` +
            `For troublehooting, visit https://aka.ms/esvalidation. Activity id:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomUUID)()}, timestamp: ${egTime(nowMs)} (UTC).`,
    };
}
/** The CloudEvents 1.0 abuse-protection handshake. */
async function validateCloudEventsEndpoint(agent, url, timeoutMs, nowMs) {
    const r = await send(agent, 'OPTIONS', url, { 'WebHook-Request-Origin': EVENTGRID_ORIGIN }, undefined, timeoutMs);
    const exchange = { method: 'OPTIONS', status: r.status, error: r.error };
    if (r.status < 200 || r.status > 299) {
        return { exchange, error: handshakeFailed(url, `Http OPTIONS request failed with response code ${r.status || 'Unknown'}.`, nowMs) };
    }
    const header = r.headers['webhook-allowed-origin'];
    const allowed = (Array.isArray(header) ? header : header ? [header] : []).flatMap((h) => h.split(',')).map((h) => h.trim().toLowerCase());
    if (!allowed.includes(EVENTGRID_ORIGIN) && !allowed.includes('*')) {
        const got = allowed.length ? `'${allowed.join(', ')}'` : 'no WebHook-Allowed-Origin header';
        return {
            exchange,
            error: handshakeFailed(url, `Http OPTIONS request returned ${r.status} with ${got}; the endpoint must answer with WebHook-Allowed-Origin: ${EVENTGRID_ORIGIN} (or *).`, nowMs),
        };
    }
    const rate = r.headers['webhook-allowed-rate'];
    return { exchange, allowedRate: Array.isArray(rate) ? rate[0] : rate };
}
/** The Event Grid schema handshake: a SubscriptionValidationEvent whose code the endpoint must echo. */
async function validateEventGridEndpoint(agent, url, timeoutMs, nowMs, topicId, validationUrl) {
    const validationCode = (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomUUID)().toUpperCase();
    const event = [
        {
            id: (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomUUID)(),
            topic: topicId,
            subject: '',
            data: { validationCode, validationUrl },
            eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent',
            eventTime: new Date(nowMs).toISOString(),
            metadataVersion: '1',
            dataVersion: '2',
        },
    ];
    const r = await send(agent, 'POST', url, { 'content-type': 'application/json; charset=utf-8', 'aeg-event-type': 'SubscriptionValidation', 'aeg-subscription-name': 'VALIDATION', 'aeg-delivery-count': '0', 'aeg-data-version': '2', 'aeg-metadata-version': '1' }, JSON.stringify(event), timeoutMs);
    const exchange = { method: 'POST', status: r.status, error: r.error };
    if (r.status < 200 || r.status > 299) {
        return { validationCode, exchange, error: handshakeFailed(url, `Http POST request failed with response code ${r.status || 'Unknown'}.`, nowMs) };
    }
    let echoed;
    try {
        echoed = JSON.parse(r.body).validationResponse;
    }
    catch {
        echoed = undefined;
    }
    if (typeof echoed !== 'string' || echoed.toUpperCase() !== validationCode) {
        return {
            validationCode,
            exchange,
            error: handshakeFailed(url, `Http POST request retuned 2XX response with response body ${r.body.slice(0, 200)}. When a validation request is accepted without validation code in the response body, Http GET is expected on the validation url included in the validation event(within 10 minutes).`, nowMs),
        };
    }
    return { validationCode, exchange };
}


/***/ }),

/***/ 76815:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runTool: () => (/* binding */ runTool)
/* harmony export */ });
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _sandbox_auth0_logs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33216);
/* harmony import */ var _sandbox_delivery_webhook_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(42602);
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(91227);
/**
 * The CLI's tools for people building Auth0-event consumers (loaded only for these commands):
 *
 *   auth0-eventgrid sandbox [--json] [--port N] [--seed FILE] [--ca-dir DIR] [--set KEY=VALUE …]
 *     Starts the local sandbox (Azure Resource Manager, Entra ID, Auth0, GitHub on loopback over HTTPS),
 *     as `npm run sandbox` does, until interrupted.
 *
 *   auth0-eventgrid send-test-event --to <https url> [--type s,f,…] [--count N] [--tenant NAME] [--json] …
 *     Sends realistic Auth0 log records (the sandbox's generator: valid against Auth0's log schema) to a
 *     webhook as Event Grid delivers them: first the CloudEvents abuse-protection handshake (OPTIONS with
 *     WebHook-Request-Origin; the endpoint must grant with WebHook-Allowed-Origin), then one CloudEvent 1.0
 *     per POST with Event Grid's headers; reports each delivery's status.
 *   auth0-eventgrid send-test-event --via-sandbox <arm url> [--type …] [--count N] [--tenant NAME]
 *     Writes the records into a sandbox tenant's log (admin API), so that they flow through the tenant's
 *     eventgrid log stream, its partner topic and event subscriptions; reports what was published and delivered.
 *
 * A webhook URL may carry a key in its query: only its base URL is ever printed.
 */






const BIN = 'auth0-eventgrid';
const DELIVERY_TIMEOUT_MS = 30_000;
class UsageError extends Error {
}
async function runTool(tool, argv, io) {
    try {
        return tool === 'sandbox' ? await sandboxCommand(argv, io) : await sendTestEvent(argv, io);
    }
    catch (e) {
        if (e instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
            io.stderr(`${BIN} ${tool}: ${e.message}\nRun "${BIN} ${tool} --help" for its options.\n`);
            return 2;
        }
        throw e;
    }
}
// ---------------------------------------------------------------- sandbox
/** The sandbox command is the sandbox's own (sandbox/cli.ts), loaded only here. */
async function sandboxCommand(argv, io) {
    const { sandboxCommand: run, SandboxUsageError } = await Promise.all(/* import() */[__webpack_require__.e(860), __webpack_require__.e(320), __webpack_require__.e(344)]).then(__webpack_require__.bind(__webpack_require__, 17344));
    try {
        return await run(argv, io, `${BIN} sandbox`);
    }
    catch (e) {
        throw e instanceof SandboxUsageError ? new UsageError(e.message) : e;
    }
}
// ---------------------------------------------------------------- send-test-event
const SEND_HELP = `Usage: ${BIN} send-test-event (--to <https url> | --via-sandbox <arm url>) [options]

Sends realistic Auth0 log events (records valid against Auth0's log schema) for developing a consumer.

  --to URL            your webhook: first Event Grid's CloudEvents handshake (OPTIONS with
                      WebHook-Request-Origin: ${_sandbox_delivery_webhook_js__WEBPACK_IMPORTED_MODULE_4__/* .EVENTGRID_ORIGIN */ .EQ}; answer 200 with WebHook-Allowed-Origin),
                      then one CloudEvent 1.0 per POST, as Event Grid delivers Auth0's events
  --via-sandbox URL   the sandbox's Azure Resource Manager URL: write the records into a sandbox tenant's
                      log, so that they flow through its log stream, partner topic and event subscriptions

Options:
  --type CODES        Auth0 log event type codes, comma separated (s, f, sapi, fapi, seccft, ss, …; default s)
  --count N           events of each type (1-1000; default 1)
  --tenant NAME       Auth0 tenant name (default: my-tenant; with --via-sandbox, the sandbox's first tenant)
  --data JSON         fields to set in each record, e.g. '{"user_name":"ada@example.com"}'
  --source SOURCE     CloudEvent source (--to; default auth0.com/<tenant>/log-streams/send-test-event)
  --event-type TPL    CloudEvent type, with {code} {category} {tenant} (--to; default auth0.logs.{code})
  --subject TPL       CloudEvent subject, same placeholders (--to; default logs/{code})
  --json              print the result as JSON
  --help, -h          show this help

Exit codes: 0 all events delivered (or, with --via-sandbox, published to an active stream), 1 a failed
handshake or delivery, 2 bad usage. Trust a local endpoint's CA with NODE_EXTRA_CA_CERTS.
`;
async function sendTestEvent(argv, io) {
    const { values: v } = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
        args: [...argv],
        options: {
            to: { type: 'string' },
            'via-sandbox': { type: 'string' },
            type: { type: 'string', default: 's' },
            count: { type: 'string', default: '1' },
            tenant: { type: 'string' },
            data: { type: 'string' },
            source: { type: 'string' },
            'event-type': { type: 'string', default: 'auth0.logs.{code}' },
            subject: { type: 'string', default: 'logs/{code}' },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h' },
        },
        allowPositionals: false,
        strict: true,
    });
    if (v.help) {
        io.stdout(SEND_HELP);
        return 0;
    }
    if (!!v.to === !!v['via-sandbox'])
        throw new UsageError('give one destination: --to <webhook url> or --via-sandbox <arm url>');
    const types = v.type.split(',').map((t) => t.trim()).filter(Boolean);
    const unknown = types.filter((t) => !_sandbox_auth0_logs_js__WEBPACK_IMPORTED_MODULE_3__/* .LOG_CODES */ .G2[t]);
    if (!types.length || unknown.length)
        throw new UsageError(`--type: ${unknown.length ? `unknown ${unknown.map((t) => `"${t}"`).join(', ')}` : 'empty'}; use Auth0 log event type codes such as s, f, sapi, fapi, seccft, ss, slo`);
    const count = Number(v.count);
    if (!/^\d+$/.test(v.count) || count < 1 || count > 1000)
        throw new UsageError(`--count "${v.count}" must be a whole number from 1 to 1000`);
    if (v.tenant !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(v.tenant))
        throw new UsageError(`--tenant "${v.tenant}" is not a tenant name (lower-case letters, digits, hyphens)`);
    let data = {};
    if (v.data !== undefined) {
        try {
            data = JSON.parse(v.data);
        }
        catch (e) {
            throw new UsageError(`--data is not JSON: ${e.message}`);
        }
        if (!data || typeof data !== 'object' || Array.isArray(data))
            throw new UsageError('--data must be a JSON object of record fields');
    }
    const opts = { types, count, tenant: v.tenant, data, json: v.json };
    if (v.to) {
        const url = httpsUrl('--to', v.to);
        return sendDirect(url, opts, { source: v.source, eventType: v['event-type'], subject: v.subject }, io);
    }
    return sendViaSandbox(httpsUrl('--via-sandbox', v['via-sandbox']).replace(/\/+$/, ''), opts, io);
}
function httpsUrl(flag, value) {
    let u;
    try {
        u = new URL(value);
    }
    catch {
        throw new UsageError(`${flag} is not a URL`);
    }
    if (u.protocol !== 'https:')
        throw new UsageError(`${flag} must be an https:// URL (Event Grid delivers over HTTPS only)`);
    return value;
}
/** Secrets of a webhook URL: its query values (a function key, a SAS) and user info, and so the whole URL when it has any. */
function urlSecrets(url) {
    const out = [];
    try {
        const u = new URL(url);
        for (const [, value] of u.searchParams)
            if (value.length >= 4)
                out.push(value);
        if (u.password.length >= 4)
            out.push(u.password);
        if ((0,_sandbox_delivery_webhook_js__WEBPACK_IMPORTED_MODULE_4__/* .baseUrl */ .pc)(url).replace(/\/+$/, '') !== url.replace(/\/+$/, ''))
            out.push(url);
    }
    catch {
        out.push(url);
    }
    return (0,_report_index_js__WEBPACK_IMPORTED_MODULE_5__/* .expandSecrets */ .Wj)(out);
}
/** The records, shaped as Auth0 writes them (log_id, date, tenant_name, the fields the type's schema requires). */
function makeRecords(opts) {
    const tenant = {
        name: opts.tenant,
        domain: `${opts.tenant}.us.auth0.com`,
        clients: new Map([['client', { clientId: (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(16).toString('base64url').slice(0, 32), name: 'My App' }]]),
        logStreams: new Map(),
        logs: [],
        streamLimit: 10,
    };
    const ctx = { world: { auth0Tenants: new Map([[tenant.name, tenant]]) }, clock: { now: () => Date.now() } };
    const out = [];
    for (let i = 0; i < opts.count; i++)
        for (const type of opts.types)
            out.push((0,_sandbox_auth0_logs_js__WEBPACK_IMPORTED_MODULE_3__/* .writeLogRecord */ .JT)(ctx, tenant.name, { ...opts.data, type }));
    return out;
}
async function sendDirect(url, opts, ce, io) {
    const secrets = urlSecrets(url);
    const out = (t) => io.stdout((0,_report_index_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E$)(t, secrets));
    const err = (t) => io.stderr((0,_report_index_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E$)(t, secrets));
    const endpoint = (0,_sandbox_delivery_webhook_js__WEBPACK_IMPORTED_MODULE_4__/* .baseUrl */ .pc)(url);
    const tenant = opts.tenant ?? 'my-tenant';
    const agent = new node_https__WEBPACK_IMPORTED_MODULE_0__.Agent({ keepAlive: true, maxSockets: 4 });
    try {
        // 1. The CloudEvents abuse-protection handshake, as Event Grid runs it when a subscription is created.
        const hs = await (0,_sandbox_delivery_webhook_js__WEBPACK_IMPORTED_MODULE_4__/* .validateCloudEventsEndpoint */ .mk)(agent, url, DELIVERY_TIMEOUT_MS, Date.now());
        if (hs.error) {
            const network = hs.exchange.error ? ` (no answer: ${hs.exchange.error})` : '';
            const msg = `${BIN} send-test-event: the endpoint refused Event Grid's handshake, so Event Grid would not deliver to it${network}.\n` +
                `${hs.error.message}\n` +
                `Fix: answer OPTIONS with 200 and the header WebHook-Allowed-Origin: ${_sandbox_delivery_webhook_js__WEBPACK_IMPORTED_MODULE_4__/* .EVENTGRID_ORIGIN */ .EQ} (or *), echoing WebHook-Request-Origin.`;
            if (opts.json)
                out(JSON.stringify({ mode: 'direct', endpoint, handshake: { ok: false, status: hs.exchange.status, error: hs.exchange.error, message: hs.error.message }, events: [], sent: 0, delivered: 0, failed: 0 }, null, 2) + '\n');
            err(msg + '\n');
            return 1;
        }
        if (!opts.json)
            out(`Handshake: OPTIONS ${endpoint} → ${hs.exchange.status}, origin ${_sandbox_delivery_webhook_js__WEBPACK_IMPORTED_MODULE_4__/* .EVENTGRID_ORIGIN */ .EQ} allowed${hs.allowedRate ? `, rate ${hs.allowedRate}` : ''}\n`);
        // 2. One CloudEvent per POST, with Event Grid's headers.
        const records = makeRecords({ ...opts, tenant });
        const source = ce.source ?? `auth0.com/${tenant}/log-streams/send-test-event`;
        const deliveries = [];
        for (const [i, record] of records.entries()) {
            const vars = { code: record.type, category: _sandbox_auth0_logs_js__WEBPACK_IMPORTED_MODULE_3__/* .LOG_CODES */ .G2[record.type]?.category ?? '', tenant, log_id: record.log_id, stream: 'send-test-event' };
            const fill = (t) => t.replace(/\{(code|category|tenant|stream|log_id)\}/g, (_, k) => vars[k]);
            const event = { specversion: '1.0', id: record.log_id, source, type: fill(ce.eventType) || record.type, subject: fill(ce.subject) || undefined, time: record.date, datacontenttype: 'application/json', data: record };
            const headers = {
                'content-type': 'application/cloudevents+json; charset=utf-8',
                'webhook-request-origin': _sandbox_delivery_webhook_js__WEBPACK_IMPORTED_MODULE_4__/* .EVENTGRID_ORIGIN */ .EQ,
                'aeg-event-type': 'Notification',
                'aeg-subscription-name': 'SEND-TEST-EVENT',
                'aeg-delivery-count': '0',
                'aeg-metadata-version': '1',
                'aeg-data-version': '',
            };
            const r = await (0,_sandbox_delivery_webhook_js__WEBPACK_IMPORTED_MODULE_4__/* .send */ .tN)(agent, 'POST', url, headers, JSON.stringify(event), DELIVERY_TIMEOUT_MS);
            const ok = r.status >= 200 && r.status <= 204;
            const d = { n: i + 1, type: record.type, id: record.log_id, status: r.status, outcome: ok ? 'delivered' : 'failed', ...(r.error ? { error: r.error } : {}), durationMs: Math.round(r.durationMs) };
            deliveries.push(d);
            if (!opts.json)
                out(`  ${String(d.n).padStart(3)}  ${d.type.padEnd(8)} ${d.id}  ${d.status || d.error}  ${d.outcome}  ${d.durationMs} ms\n`);
        }
        const delivered = deliveries.filter((d) => d.outcome === 'delivered').length;
        const failed = deliveries.length - delivered;
        if (opts.json) {
            out(JSON.stringify({ mode: 'direct', endpoint, handshake: { ok: true, status: hs.exchange.status, allowedRate: hs.allowedRate }, events: deliveries, sent: deliveries.length, delivered, failed }, null, 2) + '\n');
        }
        else {
            out(`Delivered ${delivered} of ${deliveries.length} events to ${endpoint}${failed ? ` (${failed} failed: Event Grid counts 200-204 as delivered and retries the rest)` : ''}\n`);
        }
        if (failed)
            err(`${BIN} send-test-event: ${failed} of ${deliveries.length} deliveries failed: Event Grid counts only 200-204 as delivered.\n`);
        return failed ? 1 : 0;
    }
    finally {
        agent.destroy();
    }
}
async function adminCall(arm, method, path, body) {
    let res;
    try {
        res = await fetch(`${arm}/_sandbox/${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    }
    catch (e) {
        const cause = e.cause;
        const tls = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(cause?.code ?? '');
        throw new Error(`could not reach the sandbox at ${arm}: ${cause?.message ?? e.message}${tls ? ' (trust its CA: export NODE_EXTRA_CA_CERTS=<the CA path the sandbox printed>)' : ''}`, { cause: e });
    }
    const text = await res.text();
    if (!res.ok) {
        let message = text;
        try {
            message = JSON.parse(text)?.error?.message ?? text;
        }
        catch {
            /* text */
        }
        throw new Error(`the sandbox answered ${res.status} to ${method} /_sandbox/${path}: ${message}`);
    }
    return text ? JSON.parse(text) : undefined;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function sendViaSandbox(arm, opts, io) {
    try {
        const tenant = opts.tenant ?? Object.keys((await adminCall(arm, 'GET', 'endpoints')).auth0 ?? {})[0];
        if (!tenant)
            throw new Error('the sandbox has no Auth0 tenant');
        const streams = (await adminCall(arm, 'GET', `auth0/${tenant}/log-streams`)).value.filter((s) => s.type === 'eventgrid');
        const before = await adminCall(arm, 'GET', 'delivery');
        const items = Array.from({ length: opts.count }, () => opts.types.map((type) => ({ ...opts.data, type }))).flat();
        const written = (await adminCall(arm, 'POST', `auth0/${tenant}/logs`, items)).value;
        // Which streams take which records: active eventgrid streams whose category filters select them.
        const selects = (s, r) => {
            const cats = (s.filters ?? []).filter((f) => (f.type ?? 'category') === 'category').map((f) => f.name);
            return !cats.length || cats.includes(_sandbox_auth0_logs_js__WEBPACK_IMPORTED_MODULE_3__/* .LOG_CODES */ .G2[r.type]?.category);
        };
        const routes = streams.map((s) => ({ id: s.id, name: s.name, status: s.status, topic: s.partnerTopic, records: s.status === 'active' ? written.filter((r) => selects(s, r)).length : 0 }));
        const expected = routes.reduce((n, r) => n + r.records, 0);
        // Wait (at most 10 s) until the streams have published (or failed to) and the subscriptions are idle.
        const published = (view, id) => {
            const s = view.streams.find((x) => x.id === id);
            return s ? (s.published ?? 0) + (s.erroredTotal ?? 0) : 0;
        };
        let after = before;
        for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
            await sleep(100);
            after = await adminCall(arm, 'GET', 'delivery');
            const publishedAll = routes.every((r) => published(after, r.id) - published(before, r.id) >= r.records);
            const idle = after.subscriptions.every((s) => !s.queued && !s.inflight);
            if (publishedAll && idle)
                break;
        }
        const subs = after.subscriptions.map((s) => {
            const b = before.subscriptions.find((x) => x.eventSubscription === s.eventSubscription) ?? {};
            const d = (k) => (s[k] ?? 0) - (b[k] ?? 0);
            return { eventSubscription: s.eventSubscription, name: s.name, delivered: d('delivered'), failedAttempts: d('failedAttempts'), retrying: s.retrying ?? 0, deadLettered: d('deadLettered'), dropped: d('dropped'), lastError: s.lastError };
        });
        const streamResults = routes.map((r) => ({ ...r, published: after.streams.find((x) => x.id === r.id)?.published - (before.streams.find((x) => x.id === r.id)?.published ?? 0) || 0 }));
        if (opts.json) {
            io.stdout(JSON.stringify({ mode: 'via-sandbox', sandbox: arm, tenant, records: written, streams: streamResults, subscriptions: subs.filter((s) => s.delivered || s.failedAttempts || s.deadLettered || s.dropped) }, null, 2) + '\n');
        }
        else {
            const lines = [`Wrote ${written.length} ${written.length === 1 ? 'record' : 'records'} to the log of Auth0 tenant ${tenant} in the sandbox at ${arm}:`];
            for (const r of written)
                lines.push(`  ${r.type.padEnd(8)} ${r.log_id}  ${_sandbox_auth0_logs_js__WEBPACK_IMPORTED_MODULE_3__/* .LOG_CODES */ .G2[r.type]?.category ?? ''}`);
            if (!streamResults.length)
                lines.push(`No eventgrid log stream in tenant ${tenant}: nothing is published (run setup against the sandbox first).`);
            for (const s of streamResults) {
                const topic = s.topic?.name ? `partner topic ${s.topic.name}${s.topic.activationState ? ` (${s.topic.activationState})` : ''}` : 'no partner topic yet';
                lines.push(`Stream ${s.name} (${s.status}) → ${topic}: selects ${s.records} of ${written.length}, published ${s.published}`);
            }
            for (const s of subs) {
                if (!(s.delivered || s.failedAttempts || s.deadLettered || s.dropped))
                    continue;
                lines.push(`  event subscription ${s.name}: ${s.delivered} delivered, ${s.failedAttempts} failed attempts${s.retrying ? `, ${s.retrying} being retried` : ''}${s.deadLettered ? `, ${s.deadLettered} dead-lettered` : ''}${s.dropped ? `, ${s.dropped} dropped` : ''}${s.lastError && s.failedAttempts ? ` (last error: ${typeof s.lastError === 'string' ? s.lastError : JSON.stringify(s.lastError)})` : ''}`);
            }
            io.stdout(lines.join('\n') + '\n');
        }
        if (!expected) {
            io.stderr(`${BIN} send-test-event: no active eventgrid log stream of tenant ${tenant} selects these records, so none flows to Event Grid.\n`);
            return 1;
        }
        return 0;
    }
    catch (e) {
        io.stderr(`${BIN} send-test-event: ${e.message}\n`);
        return 1;
    }
}


/***/ })

};
