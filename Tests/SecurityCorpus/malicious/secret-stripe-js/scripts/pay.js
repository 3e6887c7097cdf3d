const stripe = require('stripe')('@@SECRET:stripe@@');
