/**
 * The pages' backing beans, the license notice component and the admin downloads.
 * May import: web (its request rules), service and model.
 */
package com.netvizura.license.web.page;
