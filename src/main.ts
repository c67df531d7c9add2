console.log('taskrole')
